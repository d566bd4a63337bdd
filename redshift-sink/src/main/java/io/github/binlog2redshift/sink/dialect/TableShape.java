package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the apply knows of a table: where it goes, its columns in source order and its key. The key
 * is what rows are matched on in the merge; a table without one (no source key and no rule's {@code
 * primary_key}) is an append-only change log.
 */
public record TableShape(TargetTable table, List<ColumnDef> columns, List<String> key) {

    public TableShape {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        key = List.copyOf(key);
        Set<String> names = new HashSet<>();
        for (ColumnDef c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(
                        "table " + table + " declares column '" + c.name() + "' twice");
            }
        }
        for (String k : key) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException(
                        "key column '" + k + "' of table " + table + " is not among its columns");
            }
        }
    }

    /** The key columns' definitions, in key order. */
    public List<ColumnDef> keyColumns() {
        return key.stream()
                .map(k -> columns.stream().filter(c -> c.name().equals(k)).findFirst().get())
                .toList();
    }

    /** The table of the keys this table's deletes left behind. */
    public TargetTable tombstoneTable() {
        return table.withSuffix(ReservedNames.TOMBSTONE_SUFFIX);
    }

    /** {@code <table>_delete}, the delete archive. */
    public TargetTable archiveTable() {
        return table.withSuffix(ReservedNames.ARCHIVE_SUFFIX);
    }

    /** {@code <table>_history}, the change history. */
    public TargetTable historyTable() {
        return table.withSuffix(ReservedNames.HISTORY_SUFFIX);
    }

    /** True for a table without a key: changes are appended, never merged. */
    public boolean appendOnly() {
        return key.isEmpty();
    }

    /** The same table with other columns (in that order). */
    public TableShape withColumns(List<ColumnDef> other) {
        return new TableShape(table, other, key);
    }
}
