package io.github.binlog2redshift.source;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a whole topic from the beginning, as the tests' view of what the job wrote. */
final class TopicReader implements AutoCloseable {

    static final ObjectMapper JSON =
            new ObjectMapper()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** One record as read: partition, offset, key text and value tree. */
    record Rec(int partition, long offset, String key, JsonNode value) {
        String op() {
            return value.path("op").asText();
        }

        String table() {
            return value.path("source").path("db").asText()
                    + "."
                    + value.path("source").path("table").asText();
        }

        String sortKey() {
            JsonNode s = value.path("source");
            String file = s.path("file").asText();
            long seq =
                    file.isEmpty() ? 0 : Long.parseLong(file.substring(file.lastIndexOf('.') + 1));
            return String.format(
                    "%012d:%020d:%06d", seq, s.path("pos").asLong(), s.path("row").asInt());
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<Rec> records = new ArrayList<>();

    TopicReader(String bootstrap, String topic, int partitions, boolean readCommitted) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName());
        p.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                readCommitted ? "read_committed" : "read_uncommitted");
        consumer = new KafkaConsumer<>(p);
        List<TopicPartition> tps = new ArrayList<>();
        for (int i = 0; i < partitions; i++) {
            tps.add(new TopicPartition(topic, i));
        }
        consumer.assign(tps);
        consumer.seekToBeginning(tps);
    }

    /** Polls until {@code done} holds for everything read so far, or fails after the timeout. */
    List<Rec> readUntil(Predicate<List<Rec>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(records)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "timed out after reading " + records.size() + " records: " + tail());
            }
            pollOnce();
        }
        return List.copyOf(records);
    }

    /** Reads whatever else arrives within {@code quiet}. */
    List<Rec> drain(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce();
        }
        return List.copyOf(records);
    }

    private void pollOnce() {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            records.add(
                    new Rec(
                            r.partition(),
                            r.offset(),
                            new String(r.key(), StandardCharsets.UTF_8),
                            parse(r.value())));
        }
    }

    private String tail() {
        int from = Math.max(0, records.size() - 3);
        return records.subList(from, records.size()).toString();
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
