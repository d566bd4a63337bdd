package io.github.binlog2redshift.event;

import java.util.Objects;

/**
 * A source table: database (MySQL schema) and table name, both case-sensitive as the binlog reports
 * them. Two databases may hold tables of the same name; they are different tables.
 */
public record TableId(String database, String table) implements Comparable<TableId> {

    public TableId {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        if (database.isEmpty() || table.isEmpty()) {
            throw new IllegalArgumentException(
                    "database and table must not be empty, got '" + database + "." + table + "'");
        }
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
}
