package io.github.binlog2redshift.sink.kafka;

import io.github.binlog2redshift.config.sink.KafkaConsumerSettings;
import io.github.binlog2redshift.config.sink.StartingOffsets;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the sink reads from Kafka. Exactly one of {@code topics} and {@code topicPattern} is set.
 *
 * @param startingTimestampMs required with {@link StartingOffsets#TIMESTAMP}, else null
 * @param maxRecordsPerCheckpoint at most this many records are read between two completed
 *     checkpoints, summed over the source's parallel readers (0: no limit); the counterpart of the
 *     reference's {@code max_offsets_per_trigger}, see {@link KafkaSourceFactory}
 * @param properties extra consumer properties passed through as they are
 */
public record KafkaInputOptions(
        String bootstrapServers,
        List<String> topics,
        Pattern topicPattern,
        String groupId,
        StartingOffsets startingOffsets,
        Long startingTimestampMs,
        int maxRecordsPerCheckpoint,
        Map<String, String> properties)
        implements Serializable {

    public KafkaInputOptions {
        require(bootstrapServers != null && !bootstrapServers.isBlank(), "bootstrap servers", "");
        topics = topics == null ? List.of() : List.copyOf(topics);
        properties = properties == null ? Map.of() : Map.copyOf(properties);
        if (topics.isEmpty() == (topicPattern == null)) {
            throw new IllegalArgumentException(
                    "set either a topic list or a topic pattern, got topics "
                            + topics
                            + " and pattern "
                            + topicPattern);
        }
        require(groupId != null && !groupId.isBlank(), "consumer group id", groupId);
        require(startingOffsets != null, "starting offsets", null);
        if ((startingOffsets == StartingOffsets.TIMESTAMP) != (startingTimestampMs != null)) {
            throw new IllegalArgumentException(
                    "a starting timestamp goes with starting offsets TIMESTAMP and only with it,"
                            + " got "
                            + startingOffsets
                            + " and timestamp "
                            + startingTimestampMs);
        }
        require(
                maxRecordsPerCheckpoint >= 0,
                "max records per checkpoint (>= 0)",
                maxRecordsPerCheckpoint);
        String isolation = properties.get("isolation.level");
        if (isolation != null && !isolation.equals("read_committed")) {
            // cdc-source writes in Kafka transactions: anything else would read aborted writes.
            throw new IllegalArgumentException(
                    "consumer property isolation.level must be read_committed, got " + isolation);
        }
    }

    /** From the typed job configuration. */
    public static KafkaInputOptions from(KafkaConsumerSettings k) {
        long limit = k.maxRecordsPerCheckpoint().orElse(0);
        if (limit > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "max records per checkpoint must be at most "
                            + Integer.MAX_VALUE
                            + ", got "
                            + limit);
        }
        return new KafkaInputOptions(
                k.bootstrapServers(),
                k.topics(),
                k.topicPattern().orElse(null),
                k.groupId(),
                k.startingOffsets(),
                k.startingTimestampMs().isPresent() ? k.startingTimestampMs().getAsLong() : null,
                (int) limit,
                k.properties().values());
    }

    /** One or more topics, committed offsets, no limit, no extra properties. */
    public static KafkaInputOptions of(String bootstrapServers, String groupId, String... topics) {
        return new KafkaInputOptions(
                bootstrapServers,
                List.of(topics),
                null,
                groupId,
                StartingOffsets.COMMITTED,
                null,
                0,
                Map.of());
    }

    private static void require(boolean ok, String what, Object actual) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + what + ": '" + actual + "'");
        }
    }
}
