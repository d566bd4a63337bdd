package io.github.binlog2redshift.quickstart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead letters of one run, read back from the local Kafka before it stops: cdc-source's ({@code
 * kafka.dead-letter-topic}: changes it could not key, convert or send, e.g. {@code oversize_event})
 * and redshift-sink's ({@code sink.dead-letter.topic}: records it could not parse or load, e.g.
 * {@code oversize_row}). A dead-lettered change is not in the target, so verify reports its row;
 * this shows why, next to verify's report. Each letter is one line of its pointers (table, key,
 * position, reason); row values are never printed.
 *
 * @param topic the dead-letter topic
 * @param job the job that writes it
 * @param count letters on the topic
 * @param lines the first {@link #SHOWN} letters, one line each
 * @param keys the Kafka record key ({@code db.table.v1...}) of every letter that names one, for
 *     verify's {@code --dead-lettered}
 */
record DeadLetterSummary(
        String topic, String job, int count, List<String> lines, List<String> keys) {

    static final int SHOWN = 10;
    private static final int LINE_LIMIT = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads every letter of {@code topic} (read committed) from {@code bootstrapServers}. */
    static DeadLetterSummary read(String bootstrapServers, String topic, String job) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        int count = 0;
        List<String> lines = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (!atEnd(consumer, ends) && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    count++;
                    if (lines.size() < SHOWN) {
                        lines.add(describe(r.value()));
                    }
                    key(r.value()).ifPresent(keys::add);
                }
            }
        }
        return new DeadLetterSummary(topic, job, count, lines, keys);
    }

    /** The letter's {@code key}: the change's Kafka record key in both jobs' letters. */
    static Optional<String> key(byte[] value) {
        try {
            JsonNode key = JSON.readTree(value).path("key");
            return key.isTextual() && !key.asText().isEmpty()
                    ? Optional.of(key.asText())
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty(); // not JSON: nothing to excuse, verify reports the row
        }
    }

    void print(PrintStream out) {
        out.println(
                "dead letters of "
                        + job
                        + " ("
                        + topic
                        + "): "
                        + count
                        + (count > lines.size() ? ", the first " + lines.size() + ":" : ""));
        lines.forEach(l -> out.println("  " + l));
    }

    /**
     * One line of a letter's pointers: cdc-source's {@code db}, {@code table}, {@code op}, {@code
     * key}, {@code source} position, {@code reason}; the sink's {@code reason}, {@code detail} and
     * the input record's {@code topic}/{@code partition}/{@code offset} and {@code key}.
     */
    static String describe(byte[] value) {
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (Exception e) {
            return "(not JSON, " + value.length + " bytes)";
        }
        List<String> parts = new ArrayList<>();
        if (n.hasNonNull("table")) {
            parts.add(n.path("db").asText() + "." + n.path("table").asText());
        }
        if (n.hasNonNull("op")) parts.add("op " + n.path("op").asText());
        if (n.hasNonNull("key")) parts.add("key " + n.path("key").asText());
        JsonNode s = n.path("source");
        if (s.path("snapshot").asBoolean(false)) {
            parts.add("snapshot");
        } else if (s.hasNonNull("file")) {
            parts.add(
                    "binlog "
                            + s.path("file").asText()
                            + ":"
                            + s.path("pos").asText()
                            + " row "
                            + s.path("row").asText());
        }
        if (n.hasNonNull("offset")) {
            parts.add(
                    "record "
                            + n.path("topic").asText()
                            + "/"
                            + n.path("partition").asText()
                            + "@"
                            + n.path("offset").asText());
        }
        parts.add(n.path("reason").asText("(no reason)"));
        if (n.hasNonNull("detail")) parts.add(n.path("detail").asText());
        String line = String.join(" | ", parts);
        return line.length() <= LINE_LIMIT ? line : line.substring(0, LINE_LIMIT) + "...";
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
