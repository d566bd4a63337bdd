package io.github.binlog2redshift.source.kafka;

/**
 * One Kafka record to write: topic, key and value bytes, and the partition when it is fixed.
 *
 * @param topic the target topic
 * @param key the record key ({@code PartitionKey} bytes)
 * @param value the record value
 * @param partition the partition index for a DDL copy (one copy per partition), or {@link #BY_KEY}
 *     to let {@link KeyHashPartitioner} hash the key
 */
public record KafkaEvent(String topic, byte[] key, byte[] value, int partition) {

    public static final int BY_KEY = -1;

    public static KafkaEvent byKey(String topic, byte[] key, byte[] value) {
        return new KafkaEvent(topic, key, value, BY_KEY);
    }
}
