package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.ArrayList;
import java.util.List;

/**
 * One table to rename when a source table is renamed: the target itself and each side table the
 * sink keeps beside it (tombstones, delete archive, history), so rows, tombstones and history stay
 * together under the new name. Both warehouses rename within a schema only ({@code ALTER TABLE ...
 * RENAME TO} takes an unqualified name), so the old and the new target must share one.
 *
 * @param sql the statement that renames {@code from} to {@code to}
 */
public record TableRename(TargetTable from, TargetTable to, String sql) {

    private static final List<String> SUFFIXES =
            List.of(
                    "",
                    ReservedNames.TOMBSTONE_SUFFIX,
                    ReservedNames.ARCHIVE_SUFFIX,
                    ReservedNames.HISTORY_SUFFIX);

    /**
     * The renames, target first; which of them exist is for the caller to check.
     *
     * @throws IllegalArgumentException when the two targets are in different schemas
     */
    public static List<TableRename> plan(SqlDialect dialect, TargetTable from, TargetTable to) {
        if (!from.schema().equals(to.schema())) {
            throw new IllegalArgumentException(
                    "cannot rename "
                            + from
                            + " to "
                            + to
                            + ": a table is renamed within its schema only");
        }
        List<TableRename> plan = new ArrayList<>(SUFFIXES.size());
        for (String suffix : SUFFIXES) {
            TargetTable f = suffix.isEmpty() ? from : from.withSuffix(suffix);
            TargetTable t = suffix.isEmpty() ? to : to.withSuffix(suffix);
            plan.add(new TableRename(f, t, dialect.renameTable(f, t.name())));
        }
        return plan;
    }
}
