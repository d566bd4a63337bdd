package io.github.binlog2redshift.e2e;

import io.github.binlog2redshift.config.pipeline.FlinkEnvironment;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.sink.RedshiftSinkTopology;
import io.github.binlog2redshift.sink.WarehouseSink;
import io.github.binlog2redshift.sink.ingest.IngestOptions;
import io.github.binlog2redshift.sink.ingest.IngestStreams;
import io.github.binlog2redshift.sink.ingest.SinkIngestTopology;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.kafka.KafkaSourceFactory;
import io.github.binlog2redshift.sink.kafka.internal.ThrottledSource;
import io.github.binlog2redshift.source.CdcSourceTopology;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Starts the two jobs, as their {@code main} methods build them, in the test's MiniCluster, and
 * cancels whatever a test started when it ends.
 */
final class PipelineJobs implements AutoCloseable {

    private final List<JobClient> started = new ArrayList<>();

    /** Job 1: MySQL binlog to Kafka. */
    JobClient startSource(SourceConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CdcSourceTopology.build(env, config);
        return track(env.executeAsync(config.pipeline().jobName()));
    }

    /** Job 2: Kafka to S3 to the warehouse, unbounded, restarted by Flink after a failure. */
    JobClient startSink(SinkConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RedshiftSinkTopology.build(env, config);
        return track(env.executeAsync(config.pipeline().jobName()));
    }

    /**
     * Job 2 with its Kafka source bounded at the offsets it finds at start: the same graph (uids,
     * operators, sink) reading what is on the topic now, then committing it and finishing, so a
     * replay has a definite end. {@code kafka.max-records-per-checkpoint} throttles it as in the
     * job. Returns when the job finished.
     */
    static void runBoundedSink(SinkConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FlinkEnvironment.configure(env, config.pipeline());
        IngestOptions options = IngestOptions.from(config);
        KafkaSource<KafkaRecord> bounded =
                KafkaSourceFactory.builder(options.kafka())
                        .setBounded(OffsetsInitializer.latest())
                        .build();
        int limit = options.kafka().maxRecordsPerCheckpoint();
        DataStream<KafkaRecord> records =
                (limit > 0
                                ? env.fromSource(
                                        new ThrottledSource<>(bounded, limit),
                                        WatermarkStrategy.noWatermarks(),
                                        SinkIngestTopology.SOURCE_UID)
                                : env.fromSource(
                                        bounded,
                                        WatermarkStrategy.noWatermarks(),
                                        SinkIngestTopology.SOURCE_UID))
                        .uid(SinkIngestTopology.SOURCE_UID);
        IngestStreams streams = SinkIngestTopology.build(records, options);
        WarehouseSink.attach(streams.changes(), WarehouseSink.fromConfig(config));
        env.execute(config.pipeline().jobName() + "-bounded");
    }

    private JobClient track(JobClient job) {
        started.add(job);
        return job;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (JobClient job : started) {
            try {
                JobStatus status = job.getJobStatus().get(10, TimeUnit.SECONDS);
                if (!status.isGloballyTerminalState()) {
                    job.cancel().get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                // keep cancelling the others: a job left running would hold slots for later tests
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
