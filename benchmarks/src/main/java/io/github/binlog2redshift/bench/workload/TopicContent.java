package io.github.binlog2redshift.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The table content a set of change topics ends with: every record applied in partition order (all
 * changes of a key are in one partition for both systems), a delete removing the key. Reads our
 * change-event JSON and Debezium's JsonConverter envelope ({@code payload} around the same {@code
 * before}/{@code after}/{@code source} fields) alike, so both sources are checked by one reader.
 */
public final class TopicContent implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Map<String, TreeMap<Long, JsonNode>> tables = new HashMap<>();

    /** Follows {@code topics} (which must exist) from their beginning. */
    public TopicContent(String bootstrap, Collection<String> topics) {
        consumer = consumer(bootstrap);
        partitions =
                topics.stream()
                        .flatMap(t -> consumer.partitionsFor(t).stream())
                        .map(p -> new TopicPartition(p.topic(), p.partition()))
                        .collect(Collectors.toList());
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Per source table ({@code source.table}), what the topics hold at their current end. */
    public static Map<String, TableContent> read(String bootstrap, Collection<String> topics) {
        try (TopicContent t = new TopicContent(bootstrap, topics)) {
            t.readToEnd();
            return t.content();
        }
    }

    /** Applies what one poll returns (at most {@code wait} for it) and returns how many records. */
    public int poll(Duration wait) {
        int n = 0;
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(wait)) {
            n++;
            if (r.value() != null) {
                try {
                    apply(MAPPER.readTree(r.value()));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(
                            "cannot read a change record of " + r.topic(), e);
                }
            }
        }
        return n;
    }

    /** Applies every record there is now, then returns whether any record was applied so far. */
    public boolean drain() {
        while (poll(Duration.ofMillis(50)) > 0) {
            // keep up with the writer: one poll a progress check would cap the rate
        }
        return !tables.isEmpty();
    }

    /** Applies every record up to the topics' end offsets of now. */
    public void readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            poll(Duration.ofMillis(500));
        }
    }

    /** Whether {@code table} holds the row {@code id} now. */
    public boolean holds(String table, long id) {
        TreeMap<Long, JsonNode> rows = tables.get(table);
        return rows != null && rows.containsKey(id);
    }

    /** Per source table, the content applied so far. */
    public Map<String, TableContent> content() {
        Map<String, TableContent> out = new TreeMap<>();
        tables.forEach((table, rows) -> out.put(table, content(rows)));
        return out;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private void apply(JsonNode value) {
        JsonNode event = value.has("payload") ? value.get("payload") : value;
        JsonNode after = event.path("after");
        JsonNode before = event.path("before");
        if (!after.isObject() && !before.isObject()) {
            return; // a schema change (op ddl): no row
        }
        String table = event.path("source").path("table").asText();
        TreeMap<Long, JsonNode> rows = tables.computeIfAbsent(table, t -> new TreeMap<>());
        if (after.isObject()) {
            rows.put(after.get("id").asLong(), after);
        } else {
            rows.remove(before.get("id").asLong());
        }
    }

    private static TableContent content(TreeMap<Long, JsonNode> rows) {
        TableContent.Builder b = new TableContent.Builder();
        for (JsonNode r : rows.values()) {
            b.add(
                    r.get("id").asLong(),
                    r.get("k").asLong(),
                    r.get("c").asText(),
                    r.get("pad").asText(),
                    r.get("v").asLong());
        }
        return b.build();
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
