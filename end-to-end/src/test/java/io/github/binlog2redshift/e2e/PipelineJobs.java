package io.github.binlog2redshift.e2e;

import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

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

    /** Job 1 resumed from the savepoint at {@code savepointPath}, as {@code flink run -s} does. */
    JobClient resumeSource(SourceConfig config, String savepointPath) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CdcSourceTopology.build(env, config);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(config.pipeline().jobName());
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepointPath, false));
        return track(env.executeAsync(graph));
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

    /**
     * Cancels every job still running and waits until each has stopped. Waiting matters: Flink CDC
     * 3.5's split assigners close every MySQL connection pool of the JVM when they close ({@code
     * JdbcConnectionPools.clear()}), so a source job still shutting down would break the snapshot
     * of the next test's source job.
     */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        for (JobClient job : started) {
            try {
                if (!job.getJobStatus().get(10, TimeUnit.SECONDS).isGloballyTerminalState()) {
                    job.cancel().get(30, TimeUnit.SECONDS);
                }
                await().atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> job.getJobStatus().get().isGloballyTerminalState());
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
