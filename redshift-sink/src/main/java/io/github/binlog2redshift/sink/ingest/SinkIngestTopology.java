package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.deadletter.DeadLetter;
import io.github.binlog2redshift.sink.deadletter.DeadLetterOptions;
import io.github.binlog2redshift.sink.deadletter.DeadLetterSinks;
import io.github.binlog2redshift.sink.deadletter.DeadLetterTopicCheck;
import io.github.binlog2redshift.sink.dedupe.LatestChangeOperator;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.internal.SinkConfigMapping;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.WarehouseClaimStore;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.kafka.KafkaSourceFactory;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import io.github.binlog2redshift.sink.route.TableModes;
import io.github.binlog2redshift.sink.route.TableRouter;
import io.github.binlog2redshift.sink.route.TargetClaims;
import io.github.binlog2redshift.sink.serde.StagedChangeCodec;
import javax.annotation.Nullable;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The ingest half of redshift-sink as a job graph: {@code kafka-source -> parse-route (dead letters
 * to their sinks) -> keyBy(table, key) -> latest-per-key}. The staging/commit half attaches its
 * sink to {@link IngestStreams#changes()}. The uids are part of savepoint compatibility and never
 * change.
 */
public final class SinkIngestTopology {

    public static final String SOURCE_UID = "kafka-source";
    public static final String PARSE_UID = "parse-route";
    public static final String DEDUPE_UID = "latest-per-key";

    private SinkIngestTopology() {}

    /** The job's claims: in the control schema of its warehouse, {@code sink.redshift.schema}. */
    static TargetClaims claims(SinkConfig config) {
        ConnectionSettings connection = SinkConfigMapping.connection(config);
        return new TargetClaims(
                RoutingOptions.from(config.tables()),
                TableModes.from(config.tables(), config.schema()),
                connection.kind().dialect(),
                WarehouseClaimStore.factory(
                        connection, config.connection().schema(), config.jobId()));
    }

    /**
     * The job's ingest half from its typed configuration, target claims kept in the warehouse (see
     * {@link TargetClaims}).
     */
    public static IngestStreams build(StreamExecutionEnvironment env, SinkConfig config) {
        return build(env, IngestOptions.from(config), claims(config));
    }

    /** Reads Kafka as configured; no target claims. */
    public static IngestStreams build(StreamExecutionEnvironment env, IngestOptions options) {
        return build(env, options, null);
    }

    /**
     * Reads Kafka as configured, with {@code claims} (null: none). The dead-letter topic is checked
     * first ({@link DeadLetterTopicCheck}): a missing one fails here, at start, naming it.
     */
    public static IngestStreams build(
            StreamExecutionEnvironment env, IngestOptions options, @Nullable TargetClaims claims) {
        options.deadLetters()
                .filter(DeadLetterOptions::hasTopic)
                .ifPresent(DeadLetterTopicCheck::require);
        DataStream<KafkaRecord> records =
                env.fromSource(
                                KafkaSourceFactory.create(options.kafka()),
                                WatermarkStrategy.noWatermarks(),
                                SOURCE_UID)
                        .uid(SOURCE_UID);
        return build(records, options, claims);
    }

    /** From any stream of Kafka records: the seam tests use with bounded input. */
    public static IngestStreams build(DataStream<KafkaRecord> records, IngestOptions options) {
        return build(records, options, null);
    }

    /** As {@link #build(DataStream, IngestOptions)}, with {@code claims} (null: none). */
    public static IngestStreams build(
            DataStream<KafkaRecord> records, IngestOptions options, @Nullable TargetClaims claims) {
        SingleOutputStreamOperator<RoutedChange> routed =
                records.process(
                                new ParseRouteFunction(
                                        new ChangeDecoder(options.format()),
                                        new TableRouter(options.routing(), claims),
                                        options.deadLetters().isPresent(),
                                        options.values()),
                                RoutedChange.typeInfo())
                        .name(PARSE_UID)
                        .uid(PARSE_UID);
        DataStream<DeadLetter> deadLetters = routed.getSideOutput(ParseRouteFunction.DEAD_LETTERS);
        options.deadLetters().ifPresent(o -> DeadLetterSinks.attach(deadLetters, o));
        DataStream<StagedChange> changes =
                routed.keyBy(RoutedChange::key, Types.STRING)
                        .transform(
                                DEDUPE_UID,
                                StagedChangeCodec.typeInfo(),
                                new LatestChangeOperator())
                        .uid(DEDUPE_UID);
        return new IngestStreams(changes, deadLetters);
    }
}
