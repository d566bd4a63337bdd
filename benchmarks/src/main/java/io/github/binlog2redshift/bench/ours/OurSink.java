package io.github.binlog2redshift.bench.ours;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.StartingOffsets;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.localstack.FlinkS3Plugin;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.sink.WarehouseSink;
import io.github.binlog2redshift.sink.ingest.IngestOptions;
import io.github.binlog2redshift.sink.ingest.IngestStreams;
import io.github.binlog2redshift.sink.ingest.SinkIngestTopology;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.sink.kafka.KafkaInputOptions;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Job 2 (redshift-sink) as the benchmark runs it: the ingest topology (Kafka -> parse -> latest per
 * key) and the warehouse sink (staged gzip CSV on S3Proxy -> COPY -> DELETE/INSERT + ledger in
 * PostgreSQL), tables named {@code <db>.<table>} (schema per source database).
 */
public final class OurSink {

    private OurSink() {}

    /** Sink input and target; {@code checkpoint} paces batches (it sets the latency floor). */
    public record Options(
            String bootstrap,
            Pattern topics,
            String groupId,
            PostgresDatabase target,
            String stagingUri,
            Duration checkpoint,
            int maxParallelTables) {}

    /** Adds the sink to {@code env}; the S3 filesystem of the stack must be initialized first. */
    public static void build(StreamExecutionEnvironment env, Options o) {
        env.enableCheckpointing(o.checkpoint().toMillis());
        KafkaInputOptions kafka =
                new KafkaInputOptions(
                        o.bootstrap(),
                        List.of(),
                        o.topics(),
                        o.groupId(),
                        StartingOffsets.EARLIEST,
                        null,
                        0,
                        Map.of("isolation.level", "read_committed"));
        IngestStreams streams =
                SinkIngestTopology.build(
                        env,
                        new IngestOptions(
                                kafka,
                                InputFormat.DEBEZIUM,
                                RoutingOptions.of(TargetNaming.SCHEMA_PER_DATABASE, null),
                                Optional.empty()));
        PostgresDatabase db = o.target();
        WarehouseSink sink =
                WarehouseSink.builder()
                        .connection(
                                ConnectionSettings.of(
                                        WarehouseKind.POSTGRES,
                                        db.host(),
                                        db.port(),
                                        db.name(),
                                        db.user(),
                                        db.password(),
                                        false))
                        .stagingPath(o.stagingUri())
                        .jobId(o.groupId())
                        .maxParallelTables(o.maxParallelTables())
                        .build();
        WarehouseSink.attach(streams.changes(), sink);
    }

    /** The S3 file system for Flink in this JVM, pointed at the stack's S3Proxy. */
    public static void initS3(LocalStack stack) {
        FlinkS3Plugin.initialize(stack.s3());
    }
}
