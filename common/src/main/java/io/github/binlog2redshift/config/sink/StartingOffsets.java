package io.github.binlog2redshift.config.sink;

/**
 * Where the sink starts reading Kafka when it has no checkpoint ({@code kafka.starting-offsets}).
 */
public enum StartingOffsets {
    /** The consumer group's committed offsets; EARLIEST for partitions without one. */
    COMMITTED,
    EARLIEST,
    LATEST,
    /** The first record at or after {@code kafka.starting-timestamp-ms}. */
    TIMESTAMP
}
