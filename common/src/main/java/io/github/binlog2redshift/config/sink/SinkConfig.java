package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.pipeline.PipelineConfig;

/**
 * The redshift-sink job's whole configuration, typed and cross-checked. Built only by {@link
 * #from}.
 *
 * @param kafka the Kafka consumer
 * @param inputFormat change-event format
 * @param connection target database connection
 * @param copyAuthorization COPY credentials
 * @param staging staged-file location and format
 * @param copy COPY parameters
 * @param commit load concurrency and retries
 * @param jobId identity in the target's commit ledger
 * @param tables table selection, rules and naming
 * @param deadLetter dead-letter destinations
 * @param schema schema-change, oversize-value and table-layout policies
 * @param pipeline Flink execution settings
 */
public record SinkConfig(
        KafkaConsumerSettings kafka,
        InputFormat inputFormat,
        TargetConnection connection,
        CopyAuthorization copyAuthorization,
        StagingConfig staging,
        CopyOptions copy,
        CommitConfig commit,
        String jobId,
        TableSelection tables,
        DeadLetterConfig deadLetter,
        SchemaPolicy schema,
        PipelineConfig pipeline) {

    public static final String DEFAULT_JOB_NAME = "redshift-sink";

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
                jobId,
                TableSelection.from(s, connection.schema()),
                DeadLetterConfig.from(s, jobId),
                SchemaPolicy.from(s),
                pipeline);
    }
}
