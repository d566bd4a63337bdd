package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.sink.StartingOffsets;
import java.util.List;
import java.util.regex.Pattern;

/** Options of the redshift-sink job's Kafka consumer ({@code kafka.*}). */
public final class KafkaConsumerOptions {

    private KafkaConsumerOptions() {}

    public static final ConfigOption<List<String>> TOPICS =
            ConfigOption.key("kafka.topics", ValueType.listOf(ValueType.string()))
                    .description("Topics to read; set this or kafka.topic-pattern.")
                    .build();

    public static final ConfigOption<Pattern> TOPIC_PATTERN =
            ConfigOption.key("kafka.topic-pattern", ValueType.regex())
                    .description(
                            "Regex of topics to read (whole-name match); set this or kafka.topics.")
                    .build();

    public static final ConfigOption<String> GROUP_ID =
            ConfigOption.key("kafka.group-id", ValueType.string())
                    .defaultText("sink.job-id")
                    .description(
                            "Consumer group. Offsets are committed on checkpoints, for monitoring and"
                                    + " for kafka.starting-offsets=COMMITTED.")
                    .build();

    public static final ConfigOption<StartingOffsets> STARTING_OFFSETS =
            ConfigOption.key("kafka.starting-offsets", ValueType.enumOf(StartingOffsets.class))
                    .defaultValue(StartingOffsets.COMMITTED)
                    .description(
                            "Where to start without a checkpoint: COMMITTED (the group's offsets,"
                                    + " else EARLIEST), EARLIEST, LATEST or TIMESTAMP.")
                    .build();

    public static final ConfigOption<Long> STARTING_TIMESTAMP_MS =
            ConfigOption.key("kafka.starting-timestamp-ms", ValueType.longAtLeast(0))
                    .description(
                            "TIMESTAMP: epoch milliseconds (required then, forbidden otherwise).")
                    .build();

    public static final ConfigOption<Long> MAX_RECORDS_PER_CHECKPOINT =
            ConfigOption.key("kafka.max-records-per-checkpoint", ValueType.longAtLeast(1))
                    .defaultText("(unlimited)")
                    .description(
                            "Upper bound of records read per checkpoint interval, to bound batch size"
                                    + " while catching up.")
                    .build();

    public static final List<ConfigOption<?>> ALL =
            List.of(
                    TOPICS,
                    TOPIC_PATTERN,
                    GROUP_ID,
                    STARTING_OFFSETS,
                    STARTING_TIMESTAMP_MS,
                    MAX_RECORDS_PER_CHECKPOINT);
}
