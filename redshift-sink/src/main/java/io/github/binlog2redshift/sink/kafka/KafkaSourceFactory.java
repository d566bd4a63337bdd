package io.github.binlog2redshift.sink.kafka;

import io.github.binlog2redshift.sink.kafka.internal.ThrottledSource;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * Builds the sink's Kafka source: read_committed (cdc-source writes in transactions), offsets
 * committed to the consumer group at each completed checkpoint (for lag monitoring only: a restored
 * job resumes from the offsets in its checkpoint, never from the group's).
 *
 * <p>How much one checkpoint takes while catching up: Flink has no {@code maxOffsetsPerTrigger}.
 * Without a limit, the amount between two checkpoints is bounded by throughput times the checkpoint
 * interval, with backpressure from the downstream stages holding the source back; the dedupe state
 * holds at most the distinct keys of one interval. flink-connector-kafka 3.4.0's builder has no
 * rate limiter, so {@link KafkaInputOptions#maxRecordsPerCheckpoint()} wraps the source in a {@link
 * ThrottledSource} that lets each reader take its share of the limit, then waits for the next
 * completed checkpoint (Flink's {@code GatedRateLimiter}).
 */
public final class KafkaSourceFactory {

    private KafkaSourceFactory() {}

    public static Source<KafkaRecord, ?, ?> create(KafkaInputOptions options) {
        KafkaSource<KafkaRecord> source = builder(options).build();
        return options.maxRecordsPerCheckpoint() > 0
                ? new ThrottledSource<>(source, options.maxRecordsPerCheckpoint())
                : source;
    }

    /**
     * The configured builder without the throttle, for callers that add to it (tests make it
     * bounded).
     */
    public static KafkaSourceBuilder<KafkaRecord> builder(KafkaInputOptions options) {
        KafkaSourceBuilder<KafkaRecord> builder =
                KafkaSource.<KafkaRecord>builder()
                        .setBootstrapServers(options.bootstrapServers())
                        .setGroupId(options.groupId())
                        .setStartingOffsets(startingOffsets(options))
                        .setDeserializer(new KafkaRecordDeserializer());
        if (options.topicPattern() != null) {
            builder.setTopicPattern(options.topicPattern());
        } else {
            builder.setTopics(options.topics());
        }
        options.properties().forEach(builder::setProperty);
        builder.setProperty("isolation.level", "read_committed");
        builder.setProperty("commit.offsets.on.checkpoint", "true");
        return builder;
    }

    static OffsetsInitializer startingOffsets(KafkaInputOptions options) {
        switch (options.startingOffsets()) {
            case COMMITTED:
                return OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
            case EARLIEST:
                return OffsetsInitializer.earliest();
            case LATEST:
                return OffsetsInitializer.latest();
            case TIMESTAMP:
                return OffsetsInitializer.timestamp(options.startingTimestampMs());
            default:
                throw new IllegalArgumentException(
                        "unknown starting offsets " + options.startingOffsets());
        }
    }
}
