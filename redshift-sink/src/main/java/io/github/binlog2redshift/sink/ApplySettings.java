package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.sink.dialect.CopyOptions;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.RetryPolicy;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.sink.route.TableModes;
import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Everything the staging writer and the committer need, checked by {@link WarehouseSinkBuilder}.
 */
public final class ApplySettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The control schema unless configured: {@code sink.redshift.schema}'s default. */
    public static final String DEFAULT_CONTROL_SCHEMA = "public";

    private final ConnectionSettings connection;
    @Nullable private final CopyOptions copy;
    private final String stagingPath;
    private final boolean gzip;
    private final String jobId;
    private final int maxParallelTables;
    private final RetryPolicy retry;
    private final TableModes modes;
    private final SchemaPolicy policy;
    private final String controlSchema;
    private final RetentionConfig retention;

    /** With the control schema {@code public}. */
    public ApplySettings(
            ConnectionSettings connection,
            @Nullable CopyOptions copy,
            String stagingPath,
            boolean gzip,
            String jobId,
            int maxParallelTables,
            RetryPolicy retry,
            TableModes modes,
            SchemaPolicy policy) {
        this(
                connection,
                copy,
                stagingPath,
                gzip,
                jobId,
                maxParallelTables,
                retry,
                modes,
                policy,
                DEFAULT_CONTROL_SCHEMA,
                RetentionConfig.defaults());
    }

    public ApplySettings(
            ConnectionSettings connection,
            @Nullable CopyOptions copy,
            String stagingPath,
            boolean gzip,
            String jobId,
            int maxParallelTables,
            RetryPolicy retry,
            TableModes modes,
            SchemaPolicy policy,
            String controlSchema,
            RetentionConfig retention) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.controlSchema = Objects.requireNonNull(controlSchema, "control schema");
        this.connection = connection;
        this.copy = copy;
        this.stagingPath = stagingPath;
        this.gzip = gzip;
        this.jobId = jobId;
        this.maxParallelTables = maxParallelTables;
        this.retry = retry;
        this.modes = modes;
        this.policy = policy;
    }

    public WarehouseKind kind() {
        return connection.kind();
    }

    public ConnectionSettings connection() {
        return connection;
    }

    /** Redshift's COPY options; null for PostgreSQL, which loads through the committer. */
    @Nullable
    public CopyOptions copy() {
        return copy;
    }

    /** Where staged files go, a Flink file system URI ending in {@code /}. */
    public String stagingPath() {
        return stagingPath;
    }

    public boolean gzip() {
        return gzip;
    }

    /**
     * The job's identity in the commit ledger: keep it across restarts of one pipeline, never share
     * it between two.
     */
    public String jobId() {
        return jobId;
    }

    public int maxParallelTables() {
        return maxParallelTables;
    }

    public RetryPolicy retry() {
        return retry;
    }

    /** Each source table's mode (its {@code sink.tables} rule). */
    public TableModes modes() {
        return modes;
    }

    /** What schema changes do ({@code sink.schema.*}). */
    public SchemaPolicy policy() {
        return policy;
    }

    /**
     * Where the sink's job-wide records live (the quarantine: {@code _b2r_quarantine} and its kept
     * committables): {@code sink.redshift.schema}.
     */
    public String controlSchema() {
        return controlSchema;
    }

    /** What the committer deletes after itself, and when ({@code sink.retention.*}). */
    public RetentionConfig retention() {
        return retention;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ApplySettings)) {
            return false;
        }
        ApplySettings other = (ApplySettings) o;
        return Objects.equals(connection, other.connection)
                && Objects.equals(copy, other.copy)
                && Objects.equals(stagingPath, other.stagingPath)
                && gzip == other.gzip
                && Objects.equals(jobId, other.jobId)
                && maxParallelTables == other.maxParallelTables
                && Objects.equals(retry, other.retry)
                && Objects.equals(modes, other.modes)
                && Objects.equals(policy, other.policy)
                && controlSchema.equals(other.controlSchema)
                && retention.equals(other.retention);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                connection,
                copy,
                stagingPath,
                gzip,
                jobId,
                maxParallelTables,
                retry,
                modes,
                policy,
                controlSchema,
                retention);
    }

    /** Shows no secret: the connection and COPY options hide theirs. */
    @Override
    public String toString() {
        return "ApplySettings[connection="
                + connection
                + ", copy="
                + copy
                + ", stagingPath="
                + stagingPath
                + ", gzip="
                + gzip
                + ", jobId="
                + jobId
                + ", maxParallelTables="
                + maxParallelTables
                + ", retry="
                + retry
                + ", modes="
                + modes
                + ", policy="
                + policy
                + ", controlSchema="
                + controlSchema
                + ", retention="
                + retention
                + "]";
    }
}
