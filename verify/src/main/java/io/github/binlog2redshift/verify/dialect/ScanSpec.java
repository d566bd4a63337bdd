package io.github.binlog2redshift.verify.dialect;

import io.github.binlog2redshift.verify.canon.ValueKind;
import java.util.List;

/**
 * One side's view of a table to scan: its names on that side, the columns to read (key columns
 * first), the key's kinds (which decide collation), an optional predicate selecting live rows (soft
 * delete), already rendered for that side, and the kinds of all columns (which decide how a value
 * is selected, see {@link SqlDialect#valueExpression}; empty: every column as it is).
 */
public record ScanSpec(
        String schema,
        String table,
        List<String> columns,
        int keySize,
        List<ValueKind> keyKinds,
        String livePredicate,
        List<ValueKind> columnKinds) {

    public ScanSpec {
        columns = List.copyOf(columns);
        keyKinds = List.copyOf(keyKinds);
        columnKinds = List.copyOf(columnKinds);
        if (!columnKinds.isEmpty() && columnKinds.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "columnKinds: expected one per column ("
                            + columns.size()
                            + "), got "
                            + columnKinds.size());
        }
    }

    /** Every column selected as it is. */
    public ScanSpec(
            String schema,
            String table,
            List<String> columns,
            int keySize,
            List<ValueKind> keyKinds,
            String livePredicate) {
        this(schema, table, columns, keySize, keyKinds, livePredicate, List.of());
    }

    public List<String> keyColumns() {
        return columns.subList(0, keySize);
    }
}
