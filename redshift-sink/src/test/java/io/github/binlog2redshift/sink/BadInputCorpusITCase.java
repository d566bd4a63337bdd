package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.pipeline.FlinkEnvironment;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.BadInputCorpus.Case;
import io.github.binlog2redshift.sink.BadInputCorpus.Expectation;
import io.github.binlog2redshift.sink.ingest.IngestOptions;
import io.github.binlog2redshift.sink.ingest.IngestStreams;
import io.github.binlog2redshift.sink.ingest.SinkIngestTopology;
import io.github.binlog2redshift.sink.jdbc.SinkTarget;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.kafka.KafkaSourceFactory;
import io.github.binlog2redshift.sink.kafka.internal.ThrottledSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: every case of the bad-input corpus ({@link BadInputCorpus}: our format, plain Debezium,
 * DMS and Canal) goes through Kafka and the whole sink job (parse, route, checks, dedupe, staging
 * on S3, COPY and merge) into each warehouse, each case followed by a good row of another table in
 * another format. The job runs with no restarts allowed and must finish; then every case is applied
 * exactly (its stored values read back) or dead-lettered with its reason (and column and key where
 * the case names them), and every good table holds exactly its rows. Stored values are read as
 * {@code ::text} on the PostgreSQL database behind each warehouse (the local Redshift keeps its
 * tables there), so both are compared with one expected text.
 */
@ExtendWith(LocalStackExtension.class)
class BadInputCorpusITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(noRestarts())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Tables of the good rows, one per format, which the corpus cases are interleaved with. */
    private static final List<String> GOOD_TABLES =
            List.of("good__orders", "good__dms_items", "good__canal_users", "good__dbz_events");

    static Configuration noRestarts() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void everyCaseIsAppliedExactlyOrDeadLetteredAndTheGoodRowsAllLoad(
            Warehouse warehouse, LocalStack stack, KafkaTopic input, KafkaTopic deadLetters)
            throws Exception {
        List<Case> cases = BadInputCorpus.load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases).extracting(Case::name).doesNotHaveDuplicates();
        SinkTarget target = SinkTarget.create(warehouse, stack);

        Map<Long, Case> offsets = new HashMap<>();
        Map<String, Map<String, String>> good = new TreeMap<>();
        GOOD_TABLES.forEach(t -> good.put(t, new TreeMap<>()));
        try (KafkaProducer<byte[], byte[]> producer = producer(input.bootstrapServers())) {
            long pos = 100_000;
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                offsets.put(send(producer, input, c.key(), c.value()), c);
                pos += 10;
                send(producer, input, goodRow(i, c.name(), pos, good));
            }
            // A good row changed and one deleted after all the bad ones.
            send(producer, input, BadInputGoodRows.orderUpdate(0, "updated", pos + 10));
            good.get("good__orders").put("0", "updated");
            send(producer, input, BadInputGoodRows.orderDelete(4, pos + 20));
            good.get("good__orders").remove("4");
            producer.flush();
        }

        // Restarts are off: a single failure (a value the load refuses, say) fails the run here.
        runBoundedSink(config(warehouse, target, input, deadLetters));

        List<Case> expectedDead = cases.stream().filter(c -> !c.on(warehouse).applied()).toList();
        Map<Long, JsonNode> letters =
                deadLetters(input.bootstrapServers(), deadLetters.name(), expectedDead.size());
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(letters.keySet())
                .as("dead-lettered offsets are exactly the cases expected to be")
                .containsExactlyInAnyOrderElementsOf(
                        offsets.entrySet().stream()
                                .filter(e -> !e.getValue().on(warehouse).applied())
                                .map(Map.Entry::getKey)
                                .toList());
        try (Connection db = stack.postgres().connect(target.db().name());
                Statement s = db.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            for (Map.Entry<Long, Case> e : offsets.entrySet()) {
                Case c = e.getValue();
                Expectation expect = c.on(warehouse);
                String label = c.format() + " " + c.name() + " (" + c.about() + ")";
                if (expect.applied()) {
                    soft.assertThat(storedValues(s, c.table()))
                            .as(label + ": stored values")
                            .containsExactlyElementsOf(expect.rows());
                } else {
                    JsonNode letter = letters.get(e.getKey());
                    soft.assertThat(letter).as(label + ": dead letter").isNotNull();
                    if (letter != null) {
                        String detail = letter.get("detail").asText();
                        soft.assertThat(letter.get("reason").asText())
                                .as(label + ": reason (" + detail + ")")
                                .isEqualTo(expect.reason());
                        if (expect.column() != null) {
                            soft.assertThat(detail)
                                    .as(label + ": detail names the column")
                                    .contains("column '" + expect.column() + "'");
                        }
                        if (expect.key() != null) {
                            soft.assertThat(detail)
                                    .as(label + ": detail names the key")
                                    .contains("key [" + expect.key() + "]");
                        }
                    }
                    soft.assertThat(rowCount(s, c.table()))
                            .as(label + ": nothing of it reached the table")
                            .isZero();
                }
            }
            for (Map.Entry<String, Map<String, String>> t : good.entrySet()) {
                soft.assertThat(goodRows(s, t.getKey()))
                        .as("good rows of " + t.getKey())
                        .containsExactlyInAnyOrderEntriesOf(t.getValue());
            }
        }
        soft.assertAll();
    }

    /** The good row after case {@code i}: the formats take turns, each into its own table. */
    private static ProducerRecord<byte[], byte[]> goodRow(
            int i, String after, long pos, Map<String, Map<String, String>> good) {
        String note = "after " + after;
        String table = GOOD_TABLES.get(i % GOOD_TABLES.size());
        good.get(table).put(Integer.toString(i), note);
        switch (i % GOOD_TABLES.size()) {
            case 0:
                return BadInputGoodRows.order(i, note, pos);
            case 1:
                return BadInputGoodRows.dmsItem(i, note);
            case 2:
                return BadInputGoodRows.canalUser(i, note, pos);
            default:
                return BadInputGoodRows.debeziumEvent(i, note, pos);
        }
    }

    private static SinkConfig config(
            Warehouse warehouse, SinkTarget target, KafkaTopic input, KafkaTopic deadLetters) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kafka.bootstrap-servers", input.bootstrapServers());
        m.put("kafka.topics", input.name());
        m.put("kafka.starting-offsets", "EARLIEST");
        // Several checkpoints, so bad and good rows meet in more than one commit.
        m.put("kafka.max-records-per-checkpoint", "60");
        m.putAll(target.db().sinkSettings());
        m.put("sink.staging.path", target.stagingUri());
        m.put("sink.job-id", "bad-input-" + warehouse.optionValue());
        m.put("sink.dead-letter.topic", deadLetters.name());
        m.put(
                "sink.tables",
                "[{\"db\":\"bad\",\"table\":\"dms_.*\",\"primary_key\":\"id\"},"
                        + "{\"db\":\"good\",\"table\":\"dms_items\",\"primary_key\":\"id\"}]");
        m.put("sink.commit.retry-backoff", "200ms");
        m.put("pipeline.job-name", "bad-input-" + warehouse.optionValue());
        m.put("pipeline.parallelism", "2");
        m.put("pipeline.checkpoint.interval", "1s");
        m.put("pipeline.restart-strategy", "NONE");
        Settings s = Settings.of(m, Origin.propertiesFile("bad-input-corpus.properties"));
        return SinkConfig.from(new ConfigLoader(SinkOptions.ALL).merge(List.of(s)));
    }

    /**
     * The job's graph (as {@code RedshiftSinkTopology} builds it) with its Kafka source bounded at
     * the offsets on the topic now, throttled as configured; returns when the job finished.
     */
    private static JobExecutionResult runBoundedSink(SinkConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        FlinkEnvironment.configure(env, config.pipeline());
        IngestOptions options = IngestOptions.from(config);
        KafkaSource<KafkaRecord> bounded =
                KafkaSourceFactory.builder(options.kafka())
                        .setBounded(OffsetsInitializer.latest())
                        .build();
        DataStream<KafkaRecord> records =
                env.fromSource(
                                new ThrottledSource<>(
                                        bounded, options.kafka().maxRecordsPerCheckpoint()),
                                WatermarkStrategy.noWatermarks(),
                                SinkIngestTopology.SOURCE_UID)
                        .uid(SinkIngestTopology.SOURCE_UID);
        IngestStreams streams = SinkIngestTopology.build(records, options);
        WarehouseSink.attach(streams.changes(), WarehouseSink.fromConfig(config));
        return env.execute(config.pipeline().jobName());
    }

    private static List<String> storedValues(Statement s, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        if (!exists(s, table)) {
            return rows;
        }
        try (ResultSet rs =
                s.executeQuery("SELECT v::text FROM public.\"" + table + "\" ORDER BY id::text")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static long rowCount(Statement s, String table) throws Exception {
        if (!exists(s, table)) {
            return 0;
        }
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM public.\"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Map<String, String> goodRows(Statement s, String table) throws Exception {
        Map<String, String> rows = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT id::text, note FROM public.\"" + table + "\"")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        }
        return rows;
    }

    private static boolean exists(Statement s, String table) throws Exception {
        try (ResultSet rs =
                s.executeQuery("SELECT to_regclass('public.\"" + table + "\"') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(String servers) {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static long send(
            KafkaProducer<byte[], byte[]> producer, KafkaTopic topic, byte[] key, byte[] value)
            throws Exception {
        return producer.send(new ProducerRecord<>(topic.name(), 0, key, value)).get().offset();
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            KafkaTopic topic,
            ProducerRecord<byte[], byte[]> r)
            throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), 0, r.key(), r.value())).get();
    }

    /** The dead letters by the input offset they name; waits until {@code expected} arrived. */
    private static Map<Long, JsonNode> deadLetters(String servers, String topic, int expected)
            throws Exception {
        Map<Long, JsonNode> out = new HashMap<>();
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ConsumerConfig.GROUP_ID_CONFIG, "bad-input-check",
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            long settle = 0;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode n = MAPPER.readTree(r.value());
                    out.put(n.get("offset").asLong(), n);
                }
                if (out.size() >= expected) {
                    // Go on a little: more than expected must show too.
                    settle = settle == 0 ? System.nanoTime() : settle;
                    if (System.nanoTime() - settle > Duration.ofSeconds(2).toNanos()) {
                        break;
                    }
                }
            }
        }
        return out;
    }
}
