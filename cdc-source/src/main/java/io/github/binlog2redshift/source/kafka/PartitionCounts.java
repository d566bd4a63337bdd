package io.github.binlog2redshift.source.kafka;

import java.io.Serializable;

/**
 * How many partitions a topic has, for writing one copy of a DDL event to each. Opened once per
 * operator instance.
 */
public interface PartitionCounts extends Serializable, AutoCloseable {

    void open();

    int partitionsOf(String topic);

    @Override
    void close();

    /** A fixed count for every topic (tests, and topics whose size is managed elsewhere). */
    static PartitionCounts fixed(int count) {
        return new PartitionCounts() {
            private static final long serialVersionUID = 1L;

            @Override
            public void open() {}

            @Override
            public int partitionsOf(String topic) {
                return count;
            }

            @Override
            public void close() {}
        };
    }
}
