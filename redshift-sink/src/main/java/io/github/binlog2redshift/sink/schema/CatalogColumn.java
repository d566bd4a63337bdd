package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.sink.dialect.ColumnType;

/** A column of an existing warehouse table, as {@code information_schema.columns} describes it. */
public record CatalogColumn(String name, ColumnType type) {}
