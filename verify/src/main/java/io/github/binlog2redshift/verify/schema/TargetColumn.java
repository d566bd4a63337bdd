package io.github.binlog2redshift.verify.schema;

/** A warehouse column from information_schema.columns: name and data_type ({@code numeric}). */
public record TargetColumn(String name, String dataType) {}
