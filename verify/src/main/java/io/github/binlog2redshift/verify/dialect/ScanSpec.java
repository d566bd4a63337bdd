package io.github.binlog2redshift.verify.dialect;

import io.github.binlog2redshift.verify.canon.ValueKind;
import java.util.List;

/**
 * One side's view of a table to scan: its names on that side, the columns to read (key columns
 * first), the key's kinds (which decide collation), and an optional predicate selecting live rows
 * (soft delete), already rendered for that side.
 */
public record ScanSpec(
        String schema,
        String table,
        List<String> columns,
        int keySize,
        List<ValueKind> keyKinds,
        String livePredicate) {

    public ScanSpec {
        columns = List.copyOf(columns);
        keyKinds = List.copyOf(keyKinds);
    }

    public List<String> keyColumns() {
        return columns.subList(0, keySize);
    }
}
