package io.github.binlog2redshift.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
