package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.KafkaConsumerOptions.GROUP_ID;
import static io.github.binlog2redshift.config.KafkaConsumerOptions.MAX_RECORDS_PER_CHECKPOINT;
import static io.github.binlog2redshift.config.KafkaConsumerOptions.STARTING_OFFSETS;
import static io.github.binlog2redshift.config.KafkaConsumerOptions.STARTING_TIMESTAMP_MS;
import static io.github.binlog2redshift.config.KafkaConsumerOptions.TOPICS;
import static io.github.binlog2redshift.config.KafkaConsumerOptions.TOPIC_PATTERN;

import io.github.binlog2redshift.config.ClientProperties;
import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.KafkaOptions;
import io.github.binlog2redshift.config.Settings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The redshift-sink job's Kafka consumer settings. */
public final class KafkaConsumerSettings {

    private final String bootstrapServers;
    private final List<String> topics;
    private final Optional<Pattern> topicPattern;
    private final String groupId;
    private final StartingOffsets startingOffsets;
    private final OptionalLong startingTimestampMs;
    private final OptionalLong maxRecordsPerCheckpoint;
    private final ClientProperties properties;

    private KafkaConsumerSettings(
            String bootstrapServers,
            List<String> topics,
            Optional<Pattern> topicPattern,
            String groupId,
            StartingOffsets startingOffsets,
            OptionalLong startingTimestampMs,
            OptionalLong maxRecordsPerCheckpoint,
            ClientProperties properties) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics;
        this.topicPattern = topicPattern;
        this.groupId = groupId;
        this.startingOffsets = startingOffsets;
        this.startingTimestampMs = startingTimestampMs;
        this.maxRecordsPerCheckpoint = maxRecordsPerCheckpoint;
        this.properties = properties;
    }

    /** Bootstrap servers. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Topics to read (empty when {@link #topicPattern()} is used). */
    public List<String> topics() {
        return topics;
    }

    /** Topic regex (empty when {@link #topics()} is used). */
    public Optional<Pattern> topicPattern() {
        return topicPattern;
    }

    /** Consumer group. */
    public String groupId() {
        return groupId;
    }

    /** Where to start without a checkpoint. */
    public StartingOffsets startingOffsets() {
        return startingOffsets;
    }

    /** TIMESTAMP: epoch ms. */
    public OptionalLong startingTimestampMs() {
        return startingTimestampMs;
    }

    /** Bound on records per checkpoint interval. */
    public OptionalLong maxRecordsPerCheckpoint() {
        return maxRecordsPerCheckpoint;
    }

    /** Pass-through consumer properties. */
    public ClientProperties properties() {
        return properties;
    }

    static KafkaConsumerSettings from(Settings s, String jobId) {
        ConfigConstraints.exactlyOne(s, TOPICS, TOPIC_PATTERN);
        StartingOffsets offsets = s.get(STARTING_OFFSETS);
        OptionalLong timestamp = OptionalLong.empty();
        if (offsets == StartingOffsets.TIMESTAMP) {
            timestamp =
                    OptionalLong.of(
                            s.require(
                                    STARTING_TIMESTAMP_MS,
                                    "required because kafka.starting-offsets is TIMESTAMP"));
        } else {
            ConfigConstraints.forbid(
                    s, STARTING_TIMESTAMP_MS, "kafka.starting-offsets is " + offsets);
        }
        List<String> topics = s.getOptional(TOPICS).orElse(List.of());
        if (s.isSet(TOPICS) && topics.isEmpty()) {
            throw ConfigConstraints.invalid(s, TOPICS, "at least one topic");
        }
        return new KafkaConsumerSettings(
                s.get(KafkaOptions.BOOTSTRAP_SERVERS),
                topics,
                s.getOptional(TOPIC_PATTERN),
                s.getOptional(GROUP_ID).orElse(jobId),
                offsets,
                timestamp,
                s.getOptional(MAX_RECORDS_PER_CHECKPOINT)
                        .map(OptionalLong::of)
                        .orElse(OptionalLong.empty()),
                KafkaOptions.clientProperties(s));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KafkaConsumerSettings)) {
            return false;
        }
        KafkaConsumerSettings other = (KafkaConsumerSettings) o;
        return Objects.equals(bootstrapServers, other.bootstrapServers)
                && Objects.equals(topics, other.topics)
                && Objects.equals(topicPattern, other.topicPattern)
                && Objects.equals(groupId, other.groupId)
                && startingOffsets == other.startingOffsets
                && Objects.equals(startingTimestampMs, other.startingTimestampMs)
                && Objects.equals(maxRecordsPerCheckpoint, other.maxRecordsPerCheckpoint)
                && Objects.equals(properties, other.properties);
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

    @Override
    public String toString() {
        return "KafkaConsumerSettings[bootstrapServers="
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
                + properties
                + "]";
    }
}
