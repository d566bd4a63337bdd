package io.github.binlog2redshift.bench.workload;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The prepared input of a sink catch-up: {@code events} changes over {@code tables} tables, one
 * topic per table ({@code <prefix>tNNN}, as Debezium writes them), in Debezium's envelope. Of the
 * events about 20% change a key changed before (update), 5% delete one (none without deletes), the
 * rest insert new keys. The last event of every topic upserts the marker row {@code id = 0}: when
 * all markers are visible in the target, the catch-up is complete (per-topic order is kept by both
 * sinks).
 */
public final class SinkTopics {

    public static final String DB = "sinkbench";

    /**
     * What the target must hold afterwards: {@code expectedRows} in all, {@code content} per table
     * (by table name, e.g. {@code t001}).
     */
    public record Prepared(
            List<String> topics,
            List<String> tables,
            long events,
            long expectedRows,
            boolean deletes,
            Map<String, TableContent> content) {}

    private SinkTopics() {}

    /**
     * Produces the workload into {@code <topicPrefix>tNNN}, after {@code createTopics} made them.
     *
     * @param deletes whether 5% of the events delete a key (else none does)
     */
    public static Prepared produce(
            String bootstrap,
            String topicPrefix,
            int tables,
            int events,
            boolean deletes,
            Runnable createTopics)
            throws Exception {
        double deleteShare = deletes ? 0.05 : 0;
        createTopics.run();
        List<String> names = new ArrayList<>();
        List<String> schemas = new ArrayList<>();
        List<Map<Long, Long>> live = new ArrayList<>();
        List<List<Long>> liveKeys = new ArrayList<>();
        for (int t = 1; t <= tables; t++) {
            String name = String.format("t%03d", t);
            names.add(name);
            schemas.add(DebeziumEnvelope.valueSchema(DB, name));
            live.add(new HashMap<>());
            liveKeys.add(new ArrayList<>());
        }
        SplittableRandom random = new SplittableRandom(42);
        long nextId = 1;
        long pos = 4;
        long ts = System.currentTimeMillis();
        int dataEvents = events - tables;
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < dataEvents; i++) {
                int t = random.nextInt(tables);
                Map<Long, Long> rows = live.get(t);
                List<Long> keys = liveKeys.get(t);
                double r = random.nextDouble();
                pos += 100;
                String value;
                long id;
                if (r < deleteShare && !keys.isEmpty()) {
                    int at = random.nextInt(keys.size());
                    id = keys.get(at);
                    keys.set(at, keys.get(keys.size() - 1));
                    keys.remove(keys.size() - 1);
                    long version = rows.remove(id);
                    value =
                            DebeziumEnvelope.value(
                                    schemas.get(t),
                                    DB,
                                    names.get(t),
                                    "d",
                                    SinkRows.json(id, version),
                                    "null",
                                    pos,
                                    ts);
                } else if (r < deleteShare + 0.20 && !keys.isEmpty()) {
                    id = keys.get(random.nextInt(keys.size()));
                    long version = rows.get(id);
                    rows.put(id, version + 1);
                    value =
                            DebeziumEnvelope.value(
                                    schemas.get(t),
                                    DB,
                                    names.get(t),
                                    "u",
                                    SinkRows.json(id, version),
                                    SinkRows.json(id, version + 1),
                                    pos,
                                    ts);
                } else {
                    id = nextId++;
                    rows.put(id, 0L);
                    keys.add(id);
                    value =
                            DebeziumEnvelope.value(
                                    schemas.get(t),
                                    DB,
                                    names.get(t),
                                    "c",
                                    "null",
                                    SinkRows.json(id, 0),
                                    pos,
                                    ts);
                }
                send(producer, topicPrefix, names.get(t), id, value);
            }
            long rowsAfter = 0;
            for (int t = 0; t < tables; t++) {
                pos += 100;
                send(
                        producer,
                        topicPrefix,
                        names.get(t),
                        0,
                        DebeziumEnvelope.value(
                                schemas.get(t),
                                DB,
                                names.get(t),
                                "c",
                                "null",
                                SinkRows.json(0, 0),
                                pos,
                                ts));
                rowsAfter += live.get(t).size() + 1;
            }
            producer.flush();
            Map<String, TableContent> content = new TreeMap<>();
            for (int t = 0; t < tables; t++) {
                TreeMap<Long, Long> rows = new TreeMap<>(live.get(t));
                rows.put(0L, 0L);
                content.put(names.get(t), TableContent.ofVersions(rows));
            }
            return new Prepared(
                    names.stream().map(n -> topicPrefix + n).toList(),
                    names,
                    events,
                    rowsAfter,
                    deletes,
                    content);
        }
    }

    private static void send(
            KafkaProducer<byte[], byte[]> p, String prefix, String table, long id, String value) {
        p.send(
                new ProducerRecord<>(
                        prefix + table,
                        0,
                        DebeziumEnvelope.key(DB, table, id).getBytes(StandardCharsets.UTF_8),
                        value.getBytes(StandardCharsets.UTF_8)));
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "524288");
        // The schema envelope repeats in every record: lz4 keeps the topic small on disk.
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
