package io.github.binlog2redshift.config.sink;

/**
 * A target table name, unquoted.
 *
 * @param schema target schema
 * @param table target table
 */
public record TargetTable(String schema, String table) {}
