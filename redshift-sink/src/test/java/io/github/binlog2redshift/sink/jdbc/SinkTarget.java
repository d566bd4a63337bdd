package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.localstack.FlinkS3Plugin;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.S3ProxyServer;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import io.github.binlog2redshift.localstack.redshift.RedshiftServer;
import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.annotation.Nullable;

/**
 * One test's warehouse as the sink's apply sees it: a fresh database on a {@link Warehouse}, and
 * the connection settings, dialect and stage loader the sink builds for that target. Tests stage
 * their files under {@link #stagingUri()}: a local directory for PostgreSQL (its loader streams
 * them through Flink's file system), an {@code s3://} prefix of the local S3 for Redshift (COPY
 * reads only S3). Results are read back through {@link #db()}'s own driver.
 */
public final class SinkTarget {

    private final LocalStack stack;
    private final WarehouseDatabase db;
    private final String stagingUri;

    private SinkTarget(LocalStack stack, WarehouseDatabase db, String stagingUri) {
        this.stack = stack;
        this.db = db;
        this.stagingUri = stagingUri;
    }

    /**
     * A fresh database on {@code warehouse}, staging on a prefix of the local S3 as the deployed
     * sink does.
     */
    public static SinkTarget create(Warehouse warehouse, LocalStack stack) {
        FlinkS3Plugin.initialize(stack.s3());
        return new SinkTarget(
                stack,
                warehouse.newDatabase(stack, warehouse.optionValue()),
                stack.newS3Location("staging").uri());
    }

    /**
     * A fresh database on {@code warehouse}; PostgreSQL stages into {@code localDir}, Redshift on
     * the local S3.
     */
    public static SinkTarget create(Warehouse warehouse, LocalStack stack, Path localDir) {
        if (warehouse == Warehouse.REDSHIFT) {
            return create(warehouse, stack);
        }
        return new SinkTarget(
                stack,
                warehouse.newDatabase(stack, warehouse.optionValue()),
                localDir.toUri().toString());
    }

    public Warehouse kind() {
        return db.kind();
    }

    public WarehouseDatabase db() {
        return db;
    }

    /** A connection as the database's user through the target's own driver. */
    public Connection connect() throws SQLException {
        return db.connect();
    }

    /**
     * Drops every other connection to the database, as a network failure would: on PostgreSQL with
     * {@code pg_terminate_backend} as the database's user; on the local Redshift by ending the
     * PostgreSQL backends behind its sessions (each emulated database is the local PostgreSQL's
     * database of the same name), whose client connections then close.
     */
    public void terminateOtherSessions() throws SQLException {
        String sql =
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()";
        try (Connection c =
                        kind() == Warehouse.REDSHIFT
                                ? stack.postgres().connect(db.name())
                                : db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A directory URI ending with {@code /}. */
    public String stagingUri() {
        return stagingUri;
    }

    /**
     * The expectation that holds on this target where the two differ by design (type mapping,
     * catalog spelling): {@code postgres} on PostgreSQL, {@code redshift} on Redshift.
     */
    public <T> T either(T postgres, T redshift) {
        return kind().either(postgres, redshift);
    }

    public WarehouseKind warehouseKind() {
        return WarehouseKind.valueOf(kind().name());
    }

    /** Host, port, database, user and password, without TLS (the local services have none). */
    public ConnectionSettings connection() {
        return ConnectionSettings.of(
                warehouseKind(), db.host(), db.port(), db.name(), db.user(), db.password(), false);
    }

    public SqlDialect dialect() {
        return warehouseKind().dialect();
    }

    /** The loader the sink uses for this target. */
    public StageLoader stageLoader() {
        return kind() == Warehouse.REDSHIFT
                ? new RedshiftStageLoader(new RedshiftDialect(), copyOptions())
                : new PostgresStageLoader(new PostgresDialect());
    }

    /** COPY with the local Redshift's IAM role, as a cluster is configured; null on PostgreSQL. */
    @Nullable
    public CopyOptions copyOptions() {
        return kind() == Warehouse.REDSHIFT
                ? CopyOptions.iamRole(RedshiftServer.IAM_ROLE, S3ProxyServer.REGION)
                : null;
    }

    @Override
    public String toString() {
        return db + " staging at " + stagingUri;
    }
}
