package io.github.binlog2redshift.config.sink;

import java.util.Objects;

/** A target table name, unquoted. */
public final class TargetTable {

    private final String schema;
    private final String table;

    public TargetTable(String schema, String table) {
        this.schema = schema;
        this.table = table;
    }

    /** Target schema. */
    public String schema() {
        return schema;
    }

    /** Target table. */
    public String table() {
        return table;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TargetTable)) {
            return false;
        }
        TargetTable other = (TargetTable) o;
        return Objects.equals(schema, other.schema) && Objects.equals(table, other.table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(schema, table);
    }

    @Override
    public String toString() {
        return "TargetTable[schema=" + schema + ", table=" + table + "]";
    }
}
