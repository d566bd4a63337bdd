package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.pipeline.PipelineConfig;
import java.util.Objects;

/**
 * The redshift-sink job's whole configuration, typed and cross-checked. Built only by {@link
 * #from}.
 */
public final class SinkConfig {

    public static final String DEFAULT_JOB_NAME = "redshift-sink";

    private final KafkaConsumerSettings kafka;
    private final InputFormat inputFormat;
    private final TargetConnection connection;
    private final CopyAuthorization copyAuthorization;
    private final StagingConfig staging;
    private final CopyOptions copy;
    private final CommitConfig commit;
    private final RetentionConfig retention;
    private final String jobId;
    private final TableSelection tables;
    private final DeadLetterConfig deadLetter;
    private final SchemaPolicy schema;
    private final PipelineConfig pipeline;

    private SinkConfig(
            KafkaConsumerSettings kafka,
            InputFormat inputFormat,
            TargetConnection connection,
            CopyAuthorization copyAuthorization,
            StagingConfig staging,
            CopyOptions copy,
            CommitConfig commit,
            RetentionConfig retention,
            String jobId,
            TableSelection tables,
            DeadLetterConfig deadLetter,
            SchemaPolicy schema,
            PipelineConfig pipeline) {
        this.kafka = kafka;
        this.inputFormat = inputFormat;
        this.connection = connection;
        this.copyAuthorization = copyAuthorization;
        this.staging = staging;
        this.copy = copy;
        this.commit = commit;
        this.retention = retention;
        this.jobId = jobId;
        this.tables = tables;
        this.deadLetter = deadLetter;
        this.schema = schema;
        this.pipeline = pipeline;
    }

    /** The Kafka consumer. */
    public KafkaConsumerSettings kafka() {
        return kafka;
    }

    /** Change-event format. */
    public InputFormat inputFormat() {
        return inputFormat;
    }

    /** Target database connection. */
    public TargetConnection connection() {
        return connection;
    }

    /** COPY credentials. */
    public CopyAuthorization copyAuthorization() {
        return copyAuthorization;
    }

    /** Staged-file location and format. */
    public StagingConfig staging() {
        return staging;
    }

    /** COPY parameters. */
    public CopyOptions copy() {
        return copy;
    }

    /** Load concurrency and retries. */
    public CommitConfig commit() {
        return commit;
    }

    /** Staged-file deletion and the pruning horizon of the side tables. */
    public RetentionConfig retention() {
        return retention;
    }

    /** Identity in the target's commit ledger. */
    public String jobId() {
        return jobId;
    }

    /** Table selection, rules and naming. */
    public TableSelection tables() {
        return tables;
    }

    /** Dead-letter destinations. */
    public DeadLetterConfig deadLetter() {
        return deadLetter;
    }

    /** Schema-change, oversize-value and table-layout policies. */
    public SchemaPolicy schema() {
        return schema;
    }

    /** Flink execution settings. */
    public PipelineConfig pipeline() {
        return pipeline;
    }

    public static SinkConfig from(Settings s) {
        PipelineConfig pipeline = PipelineConfig.from(s, DEFAULT_JOB_NAME);
        String jobId = s.getOptional(SinkOptions.JOB_ID).orElse(pipeline.jobName());
        TargetKind kind = s.get(SinkOptions.TARGET);
        TargetConnection connection = TargetConnection.from(s, kind);
        return new SinkConfig(
                KafkaConsumerSettings.from(s, jobId),
                s.get(SinkOptions.INPUT_FORMAT),
                connection,
                CopyAuthorization.from(s, kind),
                StagingConfig.from(s, kind),
                CopyOptions.from(s),
                CommitConfig.from(s),
                RetentionConfig.from(s),
                jobId,
                TableSelection.from(s, connection.schema()),
                DeadLetterConfig.from(s, jobId),
                SchemaPolicy.from(s),
                pipeline);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SinkConfig)) {
            return false;
        }
        SinkConfig other = (SinkConfig) o;
        return Objects.equals(kafka, other.kafka)
                && inputFormat == other.inputFormat
                && Objects.equals(connection, other.connection)
                && Objects.equals(copyAuthorization, other.copyAuthorization)
                && Objects.equals(staging, other.staging)
                && Objects.equals(copy, other.copy)
                && Objects.equals(commit, other.commit)
                && Objects.equals(retention, other.retention)
                && Objects.equals(jobId, other.jobId)
                && Objects.equals(tables, other.tables)
                && Objects.equals(deadLetter, other.deadLetter)
                && Objects.equals(schema, other.schema)
                && Objects.equals(pipeline, other.pipeline);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                kafka,
                inputFormat,
                connection,
                copyAuthorization,
                staging,
                copy,
                commit,
                retention,
                jobId,
                tables,
                deadLetter,
                schema,
                pipeline);
    }

    @Override
    public String toString() {
        return "SinkConfig[kafka="
                + kafka
                + ", inputFormat="
                + inputFormat
                + ", connection="
                + connection
                + ", copyAuthorization="
                + copyAuthorization
                + ", staging="
                + staging
                + ", copy="
                + copy
                + ", commit="
                + commit
                + ", retention="
                + retention
                + ", jobId="
                + jobId
                + ", tables="
                + tables
                + ", deadLetter="
                + deadLetter
                + ", schema="
                + schema
                + ", pipeline="
                + pipeline
                + "]";
    }
}
