package io.github.binlog2redshift.sink.kafka;

import io.github.binlog2redshift.config.sink.KafkaConsumerSettings;
import io.github.binlog2redshift.config.sink.StartingOffsets;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * What the sink reads from Kafka. Exactly one of {@code topics} and {@code topicPattern} is set.
 */
public final class KafkaInputOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String bootstrapServers;
    private final List<String> topics;
    @Nullable private final Pattern topicPattern;
    private final String groupId;
    private final StartingOffsets startingOffsets;
    @Nullable private final Long startingTimestampMs;
    private final int maxRecordsPerCheckpoint;
    private final Map<String, String> properties;

    public KafkaInputOptions(
            String bootstrapServers,
            @Nullable List<String> topics,
            @Nullable Pattern topicPattern,
            String groupId,
            StartingOffsets startingOffsets,
            @Nullable Long startingTimestampMs,
            int maxRecordsPerCheckpoint,
            @Nullable Map<String, String> properties) {
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
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.topicPattern = topicPattern;
        this.groupId = groupId;
        this.startingOffsets = startingOffsets;
        this.startingTimestampMs = startingTimestampMs;
        this.maxRecordsPerCheckpoint = maxRecordsPerCheckpoint;
        this.properties = properties;
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

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The topics to read; empty when {@link #topicPattern()} is set. */
    public List<String> topics() {
        return topics;
    }

    /** The topics to read by name pattern; null when {@link #topics()} are listed. */
    @Nullable
    public Pattern topicPattern() {
        return topicPattern;
    }

    public String groupId() {
        return groupId;
    }

    public StartingOffsets startingOffsets() {
        return startingOffsets;
    }

    /** Required with {@link StartingOffsets#TIMESTAMP}, else null. */
    @Nullable
    public Long startingTimestampMs() {
        return startingTimestampMs;
    }

    /**
     * At most this many records are read between two completed checkpoints, summed over the
     * source's parallel readers (0: no limit); the counterpart of the reference's {@code
     * max_offsets_per_trigger}, see {@link KafkaSourceFactory}.
     */
    public int maxRecordsPerCheckpoint() {
        return maxRecordsPerCheckpoint;
    }

    /** Extra consumer properties passed through as they are. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KafkaInputOptions)) {
            return false;
        }
        KafkaInputOptions other = (KafkaInputOptions) o;
        return bootstrapServers.equals(other.bootstrapServers)
                && topics.equals(other.topics)
                && Objects.equals(topicPattern, other.topicPattern)
                && groupId.equals(other.groupId)
                && startingOffsets == other.startingOffsets
                && Objects.equals(startingTimestampMs, other.startingTimestampMs)
                && maxRecordsPerCheckpoint == other.maxRecordsPerCheckpoint
                && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                bootstrapServers,
                topics,
                topicPattern,
                groupId,
                startingOffsets,
                startingTimestampMs,
                maxRecordsPerCheckpoint,
                properties);
    }

    /** Names the extra properties but not their values, which may hold credentials. */
    @Override
    public String toString() {
        return "KafkaInputOptions[bootstrapServers="
                + bootstrapServers
                + ", topics="
                + topics
                + ", topicPattern="
                + topicPattern
                + ", groupId="
                + groupId
                + ", startingOffsets="
                + startingOffsets
                + ", startingTimestampMs="
                + startingTimestampMs
                + ", maxRecordsPerCheckpoint="
                + maxRecordsPerCheckpoint
                + ", properties="
                + properties.keySet()
                + "]";
    }

    private static void require(boolean ok, String what, Object actual) {
        if (!ok) {
            throw new IllegalArgumentException("invalid " + what + ": '" + actual + "'");
        }
    }
}
