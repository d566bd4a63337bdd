package io.github.binlog2redshift.source.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Partition counts from a producer's metadata, with the sink's own client properties (so the same
 * security settings apply and a missing topic is auto-created exactly as the sink would). Counts
 * are re-read after {@link #REFRESH}; a topic grown in between receives the DDL in its new
 * partitions only from the next refresh on (grow topics only while the pipeline is drained).
 */
public final class KafkaPartitionCounts implements PartitionCounts {

    private static final long serialVersionUID = 1L;
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final Properties producerProperties;
    private transient KafkaProducer<byte[], byte[]> producer;
    private transient Map<String, long[]> cache;

    public KafkaPartitionCounts(Properties producerProperties) {
        this.producerProperties = new Properties();
        this.producerProperties.putAll(producerProperties);
    }

    @Override
    public void open() {
        Properties p = new Properties();
        p.putAll(producerProperties);
        p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "cdc-source-partition-counts");
        producer = new KafkaProducer<>(p);
        cache = new HashMap<>();
    }

    @Override
    public int partitionsOf(String topic) {
        long now = System.currentTimeMillis();
        long[] entry = cache.get(topic);
        if (entry == null || now - entry[1] > REFRESH.toMillis()) {
            entry = new long[] {producer.partitionsFor(topic).size(), now};
            cache.put(topic, entry);
        }
        return (int) entry[0];
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
