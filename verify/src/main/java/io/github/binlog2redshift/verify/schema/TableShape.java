package io.github.binlog2redshift.verify.schema;

import io.github.binlog2redshift.verify.canon.ValueKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is compared for one table: the columns present on both sides (source order, key columns
 * first so a row's key is a prefix of its values), and the columns present on one side only. The
 * sink's own bookkeeping columns ({@value #HIDDEN_PREFIX}*) are never compared.
 */
public record TableShape(
        List<ComparedColumn> columns,
        int keySize,
        List<String> sourceOnly,
        List<String> targetOnly) {

    /** Prefix of the columns the sink adds to each target table (source position, flags). */
    public static final String HIDDEN_PREFIX = "_b2r_";

    public TableShape {
        columns = List.copyOf(columns);
        sourceOnly = List.copyOf(sourceOnly);
        targetOnly = List.copyOf(targetOnly);
    }

    /**
     * @throws IllegalArgumentException when a key column is missing in the target: rows could not
     *     be matched at all
     */
    public static TableShape of(
            List<SourceColumn> source, List<String> primaryKey, List<TargetColumn> target) {
        Map<String, TargetColumn> byName = new LinkedHashMap<>();
        for (TargetColumn t : target) {
            if (!t.name().toLowerCase(Locale.ROOT).startsWith(HIDDEN_PREFIX)) {
                byName.put(t.name().toLowerCase(Locale.ROOT), t);
            }
        }
        List<ComparedColumn> keys = new ArrayList<>();
        List<ComparedColumn> others = new ArrayList<>();
        List<String> sourceOnly = new ArrayList<>();
        for (SourceColumn s : source) {
            TargetColumn t = byName.remove(s.name().toLowerCase(Locale.ROOT));
            boolean isKey = primaryKey.contains(s.name());
            if (t == null) {
                if (isKey) {
                    throw new IllegalArgumentException(
                            "primary-key column " + s.name() + " is missing in the target table");
                }
                sourceOnly.add(s.name());
                continue;
            }
            ValueKind kind = ValueKind.of(s.dataType(), s.columnType(), t.dataType());
            ComparedColumn c =
                    new ComparedColumn(s.name(), t.name(), kind, s.scale(), t.dataType());
            (isKey ? keys : others).add(c);
        }
        // key columns in key order, not table order: that is the ORDER BY of both scans
        keys.sort(
                (a, b) ->
                        Integer.compare(
                                primaryKey.indexOf(a.sourceName()),
                                primaryKey.indexOf(b.sourceName())));
        List<ComparedColumn> all = new ArrayList<>(keys);
        all.addAll(others);
        return new TableShape(
                all,
                keys.size(),
                sourceOnly,
                new ArrayList<>(byName.values().stream().map(TargetColumn::name).toList()));
    }

    public List<ComparedColumn> keyColumns() {
        return columns.subList(0, keySize);
    }

    public List<ValueKind> keyKinds() {
        return keyColumns().stream().map(ComparedColumn::kind).toList();
    }
}
