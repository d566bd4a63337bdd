package io.github.binlog2redshift.event;

import java.util.Objects;

/**
 * A source table: database (MySQL schema) and table name, both case-sensitive as the binlog reports
 * them. Two databases may hold tables of the same name; they are different tables.
 */
public final class TableId implements Comparable<TableId> {

    private final String database;
    private final String table;

    public TableId(String database, String table) {
        this.database = Objects.requireNonNull(database, "database");
        this.table = Objects.requireNonNull(table, "table");
        if (database.isEmpty() || table.isEmpty()) {
            throw new IllegalArgumentException(
                    "database and table must not be empty, got '" + database + "." + table + "'");
        }
    }

    public String database() {
        return database;
    }

    public String table() {
        return table;
    }

    public static TableId of(String database, String table) {
        return new TableId(database, table);
    }

    @Override
    public int compareTo(TableId other) {
        int c = database.compareTo(other.database);
        return c != 0 ? c : table.compareTo(other.table);
    }

    /**
     * {@code db.table}, for logs and metrics (not a parseable identity: names may contain dots).
     */
    @Override
    public String toString() {
        return database + "." + table;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableId)) {
            return false;
        }
        TableId other = (TableId) o;
        return database.equals(other.database) && table.equals(other.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, table);
    }
}
