package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.deadletter.DeadLetter;
import io.github.binlog2redshift.sink.deadletter.DeadLetterSinks;
import io.github.binlog2redshift.sink.dedupe.LatestChangeOperator;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.kafka.KafkaSourceFactory;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.TableRouter;
import io.github.binlog2redshift.sink.serde.StagedChangeCodec;
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

    /** The job's ingest half from its typed configuration. */
    public static IngestStreams build(StreamExecutionEnvironment env, SinkConfig config) {
        return build(env, IngestOptions.from(config));
    }

    /** Reads Kafka as configured. */
    public static IngestStreams build(StreamExecutionEnvironment env, IngestOptions options) {
        DataStream<KafkaRecord> records =
                env.fromSource(
                                KafkaSourceFactory.create(options.kafka()),
                                WatermarkStrategy.noWatermarks(),
                                SOURCE_UID)
                        .uid(SOURCE_UID);
        return build(records, options);
    }

    /** From any stream of Kafka records: the seam tests use with bounded input. */
    public static IngestStreams build(DataStream<KafkaRecord> records, IngestOptions options) {
        SingleOutputStreamOperator<RoutedChange> routed =
                records.process(
                                new ParseRouteFunction(
                                        new ChangeDecoder(options.format()),
                                        new TableRouter(options.routing()),
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
