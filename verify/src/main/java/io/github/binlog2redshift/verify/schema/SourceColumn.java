package io.github.binlog2redshift.verify.schema;

/**
 * A source column from MySQL's information_schema: {@code dataType} is DATA_TYPE ({@code decimal}),
 * {@code columnType} the full COLUMN_TYPE ({@code decimal(10,2) unsigned}), {@code scale} the
 * NUMERIC_SCALE or 0.
 */
public record SourceColumn(String name, String dataType, String columnType, int scale) {}
