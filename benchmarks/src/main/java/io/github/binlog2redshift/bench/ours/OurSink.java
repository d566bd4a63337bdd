package io.github.binlog2redshift.bench.ours;

import io.github.binlog2redshift.bench.KafkaClients;
import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.RetentionOptions;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.StartingOffsets;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.localstack.FlinkS3Plugin;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import io.github.binlog2redshift.sink.WarehouseSink;
import io.github.binlog2redshift.sink.ingest.IngestOptions;
import io.github.binlog2redshift.sink.ingest.IngestStreams;
import io.github.binlog2redshift.sink.ingest.SinkIngestTopology;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.sink.kafka.KafkaInputOptions;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Job 2 (redshift-sink) as the benchmark runs it: the ingest topology (Kafka -> parse -> latest per
 * key) and the warehouse sink (staged gzip CSV on S3Proxy -> COPY -> DELETE/INSERT + ledger),
 * tables named {@code <db>.<table>} (schema per source database). The warehouse is PostgreSQL, or
 * the local Redshift configured through its {@code sink.*} settings as a cluster is.
 */
public final class OurSink {

    private OurSink() {}

    /**
     * Sink input and target; {@code checkpoint} paces batches (it sets the latency floor). A
     * Redshift target needs an {@code s3://} staging URI (COPY reads only S3).
     */
    public record Options(
            String bootstrap,
            Pattern topics,
            String groupId,
            WarehouseDatabase target,
            String stagingUri,
            Duration checkpoint,
            int maxParallelTables) {

        /** A PostgreSQL target, as every published run has. */
        public Options(
                String bootstrap,
                Pattern topics,
                String groupId,
                PostgresDatabase target,
                String stagingUri,
                Duration checkpoint,
                int maxParallelTables) {
            this(
                    bootstrap,
                    topics,
                    groupId,
                    new WarehouseDatabase(
                            Warehouse.POSTGRES,
                            target.host(),
                            target.port(),
                            target.name(),
                            target.user(),
                            target.password()),
                    stagingUri,
                    checkpoint,
                    maxParallelTables);
        }
    }

    /** Adds the sink to {@code env}; the S3 filesystem of the stack must be initialized first. */
    public static void build(StreamExecutionEnvironment env, Options o) {
        build(env, o, RetentionConfig.defaults());
    }

    /** As {@link #build(StreamExecutionEnvironment, Options)}, with {@code sink.retention.*}. */
    public static void build(StreamExecutionEnvironment env, Options o, RetentionConfig retention) {
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
                        consumer());
        IngestStreams streams =
                SinkIngestTopology.build(
                        env,
                        new IngestOptions(
                                kafka,
                                InputFormat.DEBEZIUM,
                                RoutingOptions.of(TargetNaming.SCHEMA_PER_DATABASE, null),
                                Optional.empty()));
        WarehouseSink sink =
                o.target().kind() == Warehouse.REDSHIFT
                        ? configured(o, retention)
                        : postgres(o, retention);
        WarehouseSink.attach(streams.changes(), sink);
    }

    /** The consumer settings both sinks get ({@link KafkaClients}), read committed as deployed. */
    private static Map<String, String> consumer() {
        Map<String, String> c = new LinkedHashMap<>(KafkaClients.consumer());
        c.put("isolation.level", "read_committed");
        return c;
    }

    private static WarehouseSink postgres(Options o, RetentionConfig retention) {
        WarehouseDatabase db = o.target();
        return WarehouseSink.builder()
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
                .retention(retention)
                .build();
    }

    /**
     * The sink from the {@code sink.*} keys a user writes for a cluster (docs/configuration.md),
     * read and checked as the job reads them: {@code sink.target=REDSHIFT}, a {@code
     * jdbc:redshift://} URL (redshift-jdbc42), COPY with an IAM role from the staged manifests. The
     * Kafka keys are there because the configuration demands them; the ingest above is built from
     * {@code o} as for PostgreSQL, so both targets read the same way.
     */
    private static WarehouseSink configured(Options o, RetentionConfig retention) {
        Map<String, String> m = new LinkedHashMap<>(o.target().sinkSettings());
        m.put("sink.staging.path", o.stagingUri());
        m.put("sink.job-id", o.groupId());
        m.put("sink.commit.max-parallel-tables", Integer.toString(o.maxParallelTables()));
        m.put("sink.input-format", InputFormat.DEBEZIUM.name());
        m.put("sink.target-naming", TargetNaming.SCHEMA_PER_DATABASE.name());
        m.put(
                RetentionOptions.DELETE_STAGED_FILES.key(),
                Boolean.toString(retention.deleteStagedFiles()));
        m.put(RetentionOptions.HORIZON.key(), retention.horizon().toMillis() + "ms");
        m.put(RetentionOptions.PRUNE_INTERVAL.key(), retention.pruneInterval().toMillis() + "ms");
        m.put("kafka.bootstrap-servers", o.bootstrap());
        m.put("kafka.topic-pattern", o.topics().pattern());
        m.put("kafka.group-id", o.groupId());
        m.put("kafka.starting-offsets", StartingOffsets.EARLIEST.name());
        m.putAll(KafkaClients.prefixed("kafka.properties.", consumer()));
        Settings settings =
                new ConfigLoader(SinkOptions.ALL)
                        .merge(List.of(Settings.of(m, Origin.commandLine())));
        return WarehouseSink.fromConfig(SinkConfig.from(settings));
    }

    /** The S3 file system for Flink in this JVM, pointed at the stack's S3Proxy. */
    public static void initS3(LocalStack stack) {
        FlinkS3Plugin.initialize(stack.s3());
    }
}
