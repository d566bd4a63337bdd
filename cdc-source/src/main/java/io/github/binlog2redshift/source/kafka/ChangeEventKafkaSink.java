package io.github.binlog2redshift.source.kafka;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.source.DeliveryGuarantee;
import io.github.binlog2redshift.config.source.KafkaProducerSettings;
import java.time.Duration;
import java.util.Properties;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Builds the {@link KafkaSink} for {@link KafkaEvent}s: topic from the event, key and value bytes
 * as they are, partition by {@link KeyHashPartitioner}.
 */
public final class ChangeEventKafkaSink {

    /**
     * Kafka's own default, and what a topic takes by default: Apache Kafka's and MSK's broker
     * {@code message.max.bytes} is 1048588 (MSK uses Kafka's default for what its default
     * configuration does not list), 1 MiB plus the batch header. Larger changes need both this and
     * the topics' {@code max.message.bytes} raised (docs/cdc-source.md).
     */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

    private ChangeEventKafkaSink() {}

    public static KafkaSink<KafkaEvent> build(KafkaProducerSettings kafka) {
        KafkaRecordSerializationSchema<KafkaEvent> serializer =
                KafkaRecordSerializationSchema.<KafkaEvent>builder()
                        .setTopicSelector(KafkaEvent::topic)
                        .setKeySerializationSchema(KafkaEvent::key)
                        .setValueSerializationSchema(KafkaEvent::value)
                        .setPartitioner(new KeyHashPartitioner())
                        .build();
        var builder =
                KafkaSink.<KafkaEvent>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setKafkaProducerConfig(producerProperties(kafka))
                        .setRecordSerializer(serializer);
        if (kafka.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            String prefix =
                    kafka.transactionalIdPrefix()
                            .filter(p -> !p.isBlank())
                            .orElseThrow(
                                    () ->
                                            new IllegalArgumentException(
                                                    "kafka.delivery-guarantee EXACTLY_ONCE requires"
                                                            + " kafka.transactional-id-prefix"));
            builder.setDeliveryGuarantee(
                            org.apache.flink.connector.base.DeliveryGuarantee.EXACTLY_ONCE)
                    .setTransactionalIdPrefix(prefix);
        } else {
            builder.setDeliveryGuarantee(
                    org.apache.flink.connector.base.DeliveryGuarantee.AT_LEAST_ONCE);
        }
        return builder.build();
    }

    /**
     * The producer's {@code transaction.timeout.ms} (ours or the user's), or Kafka's default of one
     * minute when neither sets it (AT_LEAST_ONCE).
     */
    public static Duration transactionTimeout(Properties producerProperties) {
        String text = producerProperties.getProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG);
        if (text == null) {
            return Duration.ofMinutes(1);
        }
        try {
            return Duration.ofMillis(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException(
                    "Invalid value for 'kafka.properties.transaction.timeout.ms': expected"
                            + " milliseconds, got '"
                            + text
                            + "'");
        }
    }

    /**
     * The producer's {@code max.request.size} ({@link #DEFAULT_MAX_REQUEST_SIZE} unless the user's
     * {@code kafka.properties.max.request.size} says otherwise).
     */
    public static int maxRequestSize(Properties producerProperties) {
        String text = producerProperties.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        try {
            int size = text == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(text.trim());
            if (size > 1024) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(
                "Invalid value for 'kafka.properties.max.request.size': expected bytes above 1024,"
                        + " got '"
                        + text
                        + "'");
    }

    /**
     * The pass-through properties plus what per-key order needs: idempotence keeps a retried batch
     * from landing behind a later one (at most 5 in-flight requests with idempotence, per the Kafka
     * producer docs). {@code max.request.size} is set explicitly: it is the size above which a
     * change is dead-lettered ({@code EventSizeLimit}), and every topic must take records that
     * large ({@code max.message.bytes}, checked by the preflight).
     */
    public static Properties producerProperties(KafkaProducerSettings kafka) {
        Properties p = kafka.properties().toProperties();
        p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        p.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(DEFAULT_MAX_REQUEST_SIZE));
        if (kafka.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            // Must exceed the checkpoint interval plus recovery time, and stay within the
            // broker's transaction.max.timeout.ms (15 minutes by default).
            p.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "900000");
        }
        return p;
    }
}
