package io.github.binlog2redshift.sink.kafka;

/**
 * Where the sink starts reading when it has no checkpoint or savepoint to restore from (a restored
 * job always continues from the offsets in its state).
 */
public enum StartingOffsets {
    /** The consumer group's committed offsets; partitions without one start at the earliest. */
    COMMITTED,
    EARLIEST,
    LATEST,
    /** The first record at or after a timestamp (epoch milliseconds). */
    TIMESTAMP
}
