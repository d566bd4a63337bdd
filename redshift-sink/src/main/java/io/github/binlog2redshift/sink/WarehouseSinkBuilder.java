package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.RetryPolicy;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.sink.route.TableModes;

/** Builds a {@link WarehouseSink}; {@link #build()} refuses settings that cannot work. */
public final class WarehouseSinkBuilder {

    private ConnectionSettings connection;
    private CopyOptions copy;
    private String stagingPath;
    private boolean gzip = true;
    private String jobId;
    private int maxParallelTables = 4;
    private RetryPolicy retry = RetryPolicy.defaults();
    private TableModes modes = TableModes.defaults();
    private SchemaPolicy policy = SchemaPolicy.defaults();
    private String controlSchema = ApplySettings.DEFAULT_CONTROL_SCHEMA;
    private RetentionConfig retention = RetentionConfig.defaults();

    WarehouseSinkBuilder() {}

    public WarehouseSinkBuilder connection(ConnectionSettings connection) {
        this.connection = connection;
        return this;
    }

    /** Redshift only: how COPY reads the staged files. */
    public WarehouseSinkBuilder copyOptions(CopyOptions copy) {
        this.copy = copy;
        return this;
    }

    /**
     * Where staged files go: an {@code s3://bucket/prefix/} URI (any Flink file system works for
     * PostgreSQL).
     */
    public WarehouseSinkBuilder stagingPath(String stagingPath) {
        this.stagingPath = stagingPath;
        return this;
    }

    public WarehouseSinkBuilder gzip(boolean gzip) {
        this.gzip = gzip;
        return this;
    }

    public WarehouseSinkBuilder jobId(String jobId) {
        this.jobId = jobId;
        return this;
    }

    /** Staged-file deletion and the side tables' pruning horizon ({@code sink.retention.*}). */
    public WarehouseSinkBuilder retention(RetentionConfig retention) {
        this.retention = retention;
        return this;
    }

    public WarehouseSinkBuilder maxParallelTables(int n) {
        this.maxParallelTables = n;
        return this;
    }

    public WarehouseSinkBuilder retry(RetryPolicy retry) {
        this.retry = retry;
        return this;
    }

    /** Each source table's mode (from {@code sink.tables}); default: every table mirrored. */
    public WarehouseSinkBuilder tableModes(TableModes modes) {
        this.modes = modes;
        return this;
    }

    /** What schema changes do ({@code sink.schema.*}); default: {@link SchemaPolicy#defaults()}. */
    public WarehouseSinkBuilder schemaPolicy(SchemaPolicy policy) {
        this.policy = policy;
        return this;
    }

    /**
     * The schema of the sink's job-wide records (the quarantine), {@code sink.redshift.schema};
     * default {@code public}.
     */
    public WarehouseSinkBuilder controlSchema(String schema) {
        if (schema == null || schema.isBlank()) {
            throw new IllegalArgumentException("the control schema must not be blank");
        }
        this.controlSchema = schema;
        return this;
    }

    public WarehouseSink build() {
        if (connection == null) {
            throw new IllegalArgumentException("the warehouse sink needs connection settings");
        }
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException(
                    "exactly-once apply needs a job id (sink.job-id): it keys the commit ledger");
        }
        if (stagingPath == null || stagingPath.isBlank()) {
            throw new IllegalArgumentException("the warehouse sink needs a staging path");
        }
        if (maxParallelTables < 1) {
            throw new IllegalArgumentException(
                    "max parallel tables must be >= 1, got " + maxParallelTables);
        }
        if (connection.kind() == WarehouseKind.REDSHIFT) {
            if (copy == null) {
                throw new IllegalArgumentException("a Redshift target needs COPY options");
            }
            if (!stagingPath.startsWith("s3://")) {
                throw new IllegalArgumentException(
                        "a Redshift target needs an s3:// staging path (COPY reads only S3), got "
                                + stagingPath);
            }
        }
        String path = stagingPath.endsWith("/") ? stagingPath : stagingPath + "/";
        return new WarehouseSink(
                new ApplySettings(
                        connection,
                        copy,
                        path,
                        gzip,
                        jobId,
                        maxParallelTables,
                        retry,
                        modes,
                        policy,
                        controlSchema,
                        retention));
    }
}
