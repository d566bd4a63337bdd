package io.github.binlog2redshift.source.kafka;

import org.apache.flink.streaming.connectors.kafka.partitioner.FlinkKafkaPartitioner;
import org.apache.kafka.common.utils.Utils;

/**
 * Puts each record in {@code toPositive(murmur2(key)) % partitions}, the formula of Kafka's own
 * default partitioner for keyed records, so the partition of a key is stable across restarts,
 * producers and jobs, and any Kafka client can compute it. DDL copies carry their partition.
 *
 * <p>The {@code partitions} array is the topic's partition list from the sink's metadata, so a
 * topic with more partitions is picked up without a restart (existing keys then move: add
 * partitions only while the pipeline is drained).
 */
public final class KeyHashPartitioner extends FlinkKafkaPartitioner<KafkaEvent> {

    private static final long serialVersionUID = 1L;

    @Override
    public int partition(
            KafkaEvent record, byte[] key, byte[] value, String targetTopic, int[] partitions) {
        if (partitions.length == 0) {
            throw new IllegalStateException("topic " + targetTopic + " has no partitions");
        }
        if (record.partition() != KafkaEvent.BY_KEY) {
            return partitions[record.partition() % partitions.length];
        }
        return partitions[partitionFor(record.key(), partitions.length)];
    }

    /** The partition index of a key in a topic of {@code numPartitions} partitions. */
    public static int partitionFor(byte[] key, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(key)) % numPartitions;
    }
}
