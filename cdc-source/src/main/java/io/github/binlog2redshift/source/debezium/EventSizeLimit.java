package io.github.binlog2redshift.source.debezium;

import java.io.Serializable;

/**
 * The largest Kafka record the job's producer sends: its {@code max.request.size}. The producer
 * refuses a record whose key and value plus the record-batch framing pass it ({@code
 * RecordTooLargeException}), and the KafkaSink then fails the job, which restarts at the same
 * binlog position and fails again; so a change larger than this is dead-lettered instead.
 */
public final class EventSizeLimit implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Kafka counts a one-record batch as its header (61 bytes), the record's own framing (at most
     * 21 bytes) and varint lengths; this covers them.
     */
    static final int FRAMING_BYTES = 128;

    private final int maxRequestSize;

    private EventSizeLimit(int maxRequestSize) {
        if (maxRequestSize <= FRAMING_BYTES) {
            throw new IllegalArgumentException(
                    "max.request.size must exceed " + FRAMING_BYTES + ", got " + maxRequestSize);
        }
        this.maxRequestSize = maxRequestSize;
    }

    /** The limit of a producer whose {@code max.request.size} is {@code maxRequestSize}. */
    public static EventSizeLimit of(int maxRequestSize) {
        return new EventSizeLimit(maxRequestSize);
    }

    /** The producer's {@code max.request.size}. */
    public int maxRequestSize() {
        return maxRequestSize;
    }

    /** Whether a record with a key and value of these lengths goes through the producer. */
    public boolean fits(long keyBytes, long valueBytes) {
        return keyBytes + valueBytes + FRAMING_BYTES <= maxRequestSize;
    }

    /** The longest value that fits beside a key of {@code keyBytes}. */
    int maxValueBytes(int keyBytes) {
        return maxRequestSize - FRAMING_BYTES - keyBytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventSizeLimit && ((EventSizeLimit) o).maxRequestSize == maxRequestSize;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(maxRequestSize);
    }

    /** Says where the limit comes from, for dead-letter reasons. */
    @Override
    public String toString() {
        return "the producer's max.request.size of "
                + maxRequestSize
                + " bytes (kafka.properties.max.request.size)";
    }
}
