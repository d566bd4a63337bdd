package io.github.binlog2redshift.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Writes raw records into a topic and reads a topic's JSON records, as an operator would. */
final class TopicIO {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicIO() {}

    /** Sends each {@code key -> value} (UTF-8) to partition 0 and waits for the acks. */
    static void send(String servers, String topic, Map<String, String> records) {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                servers,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            records.forEach(
                    (k, v) ->
                            producer.send(
                                    new ProducerRecord<>(
                                            topic,
                                            0,
                                            k.getBytes(StandardCharsets.UTF_8),
                                            v.getBytes(StandardCharsets.UTF_8))));
            producer.flush();
        }
    }

    /**
     * Sends every record {@code topic} holds now to it once more, to its partition, with its key,
     * value and headers, in offset order: each change is then on the topic twice, the copy at a new
     * offset, as a producer that re-sends after a failure leaves it. Returns the records copied.
     */
    static int copyOntoItself(String servers, String topic) {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed");
        List<ProducerRecord<byte[], byte[]>> copies = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic).stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    copies.add(
                            new ProducerRecord<>(
                                    topic, r.partition(), r.key(), r.value(), r.headers()));
                }
            }
        }
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                servers,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new ByteArraySerializer(),
                        new ByteArraySerializer())) {
            copies.forEach(producer::send);
            producer.flush();
        }
        return copies.size();
    }

    /** Reads {@code topic} from the start until {@code expected} records or the timeout. */
    static List<JsonNode> readJson(String servers, String topic, int expected, Duration timeout)
            throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        topic + "-reader",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(300))) {
                    out.add(JSON.readTree(r.value()));
                }
            }
        }
        return out;
    }
}
