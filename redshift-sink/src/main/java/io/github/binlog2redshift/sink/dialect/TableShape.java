package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the apply knows of a table: where it goes, its columns in source order and its key. The key
 * is what rows are matched on in the merge; a table without one (no source key and no rule's {@code
 * primary_key}) is an append-only change log.
 */
public final class TableShape {

    private final TargetTable table;
    private final List<ColumnDef> columns;
    private final List<String> key;

    public TableShape(TargetTable table, List<ColumnDef> columns, List<String> key) {
        this.table = Objects.requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
        this.key = List.copyOf(key);
        Set<String> names = new HashSet<>();
        for (ColumnDef c : this.columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException(
                        "table " + table + " declares column '" + c.name() + "' twice");
            }
        }
        for (String k : this.key) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException(
                        "key column '" + k + "' of table " + table + " is not among its columns");
            }
        }
    }

    /** The target table the rows go to. */
    public TargetTable table() {
        return table;
    }

    /** The columns in source order. */
    public List<ColumnDef> columns() {
        return columns;
    }

    /** The key's column names, in key order; empty for an append-only table. */
    public List<String> key() {
        return key;
    }

    /** The key columns' definitions, in key order. */
    public List<ColumnDef> keyColumns() {
        return key.stream()
                .map(k -> columns.stream().filter(c -> c.name().equals(k)).findFirst().get())
                .collect(Collectors.toUnmodifiableList());
    }

    /** The table of the keys this table's deletes left behind. */
    public TargetTable tombstoneTable() {
        return table.withSuffix(ReservedNames.TOMBSTONE_SUFFIX);
    }

    /** {@code <table>_b2r_applied}, a keyless mirror's applied horizon. */
    public TargetTable appliedTable() {
        return table.withSuffix(ReservedNames.APPLIED_SUFFIX);
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableShape)) {
            return false;
        }
        TableShape other = (TableShape) o;
        return table.equals(other.table) && columns.equals(other.columns) && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, columns, key);
    }

    @Override
    public String toString() {
        return "TableShape[table=" + table + ", columns=" + columns + ", key=" + key + "]";
    }
}
