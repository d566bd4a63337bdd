package io.github.binlog2redshift.verify.mapping;

import java.util.Objects;

/** A warehouse table: schema and table name, unquoted, exactly as stored in the catalog. */
public record TargetName(String schema, String table) {

    public TargetName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
