package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.NameKind;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ValueGuard}'s checks of a change's column metadata, before any value: that each column
 * describes a warehouse column ({@code invalid_column}) and that no two are one there ({@code
 * name_collision}). Schema changes get these checks only.
 */
final class ColumnMetadataCheck {

    private ColumnMetadataCheck() {}

    /**
     * The rule of each column, after the metadata checks: names (non-empty, storable, distinct in
     * the warehouse), types, and the key columns among them.
     */
    static ColumnRule[] rules(
            SqlDialect dialect,
            ColumnRules rules,
            TargetTable target,
            ChangeEvent e,
            List<ColumnDef> columns,
            boolean typed) {
        ColumnRule[] out = new ColumnRule[columns.size()];
        Map<String, String> seen = new HashMap<>(columns.size() * 2);
        for (int i = 0; i < out.length; i++) {
            ColumnDef c = columns.get(i);
            String name = c.name();
            if (name.isEmpty()) {
                throw GuardRejections.column(target, e, c, "has an empty name");
            }
            String bad = ValueText.scanProblem(ValueText.scan(name));
            if (bad != null) {
                throw GuardRejections.column(target, e, c, "name " + bad);
            }
            String stored = dialect.storedName(name, NameKind.COLUMN);
            String other = seen.putIfAbsent(stored, name);
            if (other != null) {
                if (other.equals(name)) {
                    throw GuardRejections.column(target, e, c, "is declared twice");
                }
                throw GuardRejections.collision(target, e, other, name, stored);
            }
            out[i] = rules.of(c);
            String problem = out[i].metadataProblem();
            if (problem != null) {
                throw GuardRejections.column(target, e, c, problem);
            }
        }
        if (typed) {
            for (String k : e.primaryKey()) {
                if (!seen.containsValue(k)) {
                    throw GuardRejections.keyNotAColumn(target, e, k);
                }
            }
        }
        return out;
    }
}
