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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The redshift-sink job's Kafka consumer settings.
 *
 * @param bootstrapServers bootstrap servers
 * @param topics topics to read (empty when {@link #topicPattern} is used)
 * @param topicPattern topic regex (empty when {@link #topics} is used)
 * @param groupId consumer group
 * @param startingOffsets where to start without a checkpoint
 * @param startingTimestampMs TIMESTAMP: epoch ms
 * @param maxRecordsPerCheckpoint bound on records per checkpoint interval
 * @param properties pass-through consumer properties
 */
public record KafkaConsumerSettings(
        String bootstrapServers,
        List<String> topics,
        Optional<Pattern> topicPattern,
        String groupId,
        StartingOffsets startingOffsets,
        OptionalLong startingTimestampMs,
        OptionalLong maxRecordsPerCheckpoint,
        ClientProperties properties) {

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
}
