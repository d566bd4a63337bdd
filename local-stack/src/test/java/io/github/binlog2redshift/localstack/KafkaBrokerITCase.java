package io.github.binlog2redshift.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local broker is real: records produced with the Flink connector's kafka-clients come back.
 */
@ExtendWith(LocalStackExtension.class)
class KafkaBrokerITCase {

    @Test
    void producedRecordIsConsumedBack(@Partitions(3) KafkaTopic topic) throws Exception {
        Map<String, Object> producerConfig =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        topic.bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        producerConfig, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), 2, "key-1", "value-1")).get();
        }

        Map<String, Object> consumerConfig =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        topic.bootstrapServers(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.partitionsFor(topic.name())).hasSize(3);
            consumer.assign(List.of(new TopicPartition(topic.name(), 2)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        assertThat(received).hasSize(1);
        assertThat(received.get(0).key()).isEqualTo("key-1");
        assertThat(received.get(0).value()).isEqualTo("value-1");
        assertThat(received.get(0).partition()).isEqualTo(2);
    }

    @Test
    void topicsAreNotCreatedAutomatically(LocalStack stack) throws Exception {
        String missing = stack.uniqueName("missing");
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        stack.kafka().bootstrapServers(),
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                        "true");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.listTopics(Duration.ofSeconds(10))).doesNotContainKey(missing);
            try {
                // A metadata request for the topic is what would create it if creation were on.
                consumer.partitionsFor(missing, Duration.ofSeconds(2));
            } catch (org.apache.kafka.common.errors.TimeoutException expected) {
                // kafka-clients may give up waiting for a topic that does not exist
            }
            assertThat(consumer.listTopics(Duration.ofSeconds(10))).doesNotContainKey(missing);
        }
    }
}
