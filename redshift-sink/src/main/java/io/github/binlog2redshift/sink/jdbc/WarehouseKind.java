package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;

/** The warehouses the apply can target (config key {@code sink.target}). */
public enum WarehouseKind {
    REDSHIFT,
    POSTGRES;

    public SqlDialect dialect() {
        return this == REDSHIFT ? new RedshiftDialect() : new PostgresDialect();
    }
}
