package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.PartitionKey;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.sink.internal.FaultPoints;
import io.github.binlog2redshift.sink.jdbc.SinkTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14, table quarantine, through the real sink job (Kafka, parse, route, dedupe, staging on
 * S3, committer) at parallelism 2: three tables under load; an incompatible type change (INT to
 * VARCHAR under the default {@code FAIL}) quarantines the third while the other two stay equal to
 * their expected contents, through a failover too; after the fix by hand and the documented resume
 * (deleting its {@code _b2r_quarantine} row), the third is equal too, its kept committables
 * replayed in checkpoint order before its new ones.
 */
@ExtendWith(LocalStackExtension.class)
class QuarantineITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(noRestarts())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static Configuration noRestarts() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    static final List<String> PK = List.of("id");
    static final ColumnDef ID = ColumnDef.of("id", "INT", null, null, false);
    static final List<ColumnDef> V1 = List.of(ID, ColumnDef.of("qty", "INT", null, null, true));
    static final List<ColumnDef> V2 = List.of(ID, ColumnDef.of("qty", "VARCHAR", 20, null, true));
    static final List<TableId> TABLES =
            List.of(TableId.of("shop", "t1"), TableId.of("shop", "t2"), TableId.of("shop", "t3"));
    static final TableId T3 = TABLES.get(2);
    static final int KEYS = 12;

    private long position = 1000;

    /** What each table must hold: id to qty as text. */
    private final Map<TableId, Map<Integer, String>> expected = new LinkedHashMap<>();

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aQuarantinedTableStopsAloneAndIsReplayedInOrderAfterTheResume(
            Warehouse warehouse, LocalStack stack, @Partitions(2) KafkaTopic input)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack);
        String jobId = "quarantine-" + UUID.randomUUID().toString().substring(0, 8);
        stack.kafka().createTopic(jobId + ".dlq", 1); // checked by the sink at start
        TABLES.forEach(t -> expected.put(t, new TreeMap<>()));
        JobClient job = start(config(db, input, jobId));
        try (KafkaProducer<byte[], byte[]> producer = producer(input.bootstrapServers())) {
            for (int round = 0; round < 3; round++) {
                for (TableId t : TABLES) {
                    upserts(producer, input, t, V1, round, String::valueOf);
                }
            }
            producer.flush();
            for (TableId t : TABLES) {
                awaitContents(db, t, expected.get(t));
            }

            // The incompatible change, on every partition as cdc-source sends a DDL, then rows of
            // the new type, while the other two tables keep changing.
            Map<Integer, String> beforeChange = new TreeMap<>(expected.get(T3));
            for (int p = 0; p < input.partitions(); p++) {
                send(
                        producer,
                        input,
                        p,
                        key(T3, 0),
                        ChangeEvent.schemaChange(
                                T3, "ALTER TABLE t3 MODIFY qty VARCHAR(20)", pos(), 0, PK, V2));
            }
            for (int round = 3; round < 6; round++) {
                for (TableId t : TABLES) {
                    if (t.equals(T3)) {
                        upserts(producer, input, t, V2, round, r -> "r" + r);
                    } else {
                        upserts(producer, input, t, V1, round, String::valueOf);
                    }
                }
                producer.flush();
                Thread.sleep(700); // rounds fall into different checkpoints
            }
            await("the quarantine of " + T3, () -> quarantined(db, jobId) == 1);
            for (TableId t : TABLES.subList(0, 2)) {
                awaitContents(db, t, expected.get(t));
            }
            assertThat(contents(db, T3)).isEqualTo(beforeChange);

            // A failover while quarantined: the quarantine and what it keeps survive it.
            FaultPoints.arm(jobId, FaultPoints.Point.AFTER_STAGING, null);
            for (int round = 6; round < 8; round++) {
                for (TableId t : TABLES) {
                    if (t.equals(T3)) {
                        upserts(producer, input, t, V2, round, r -> "r" + r);
                    } else {
                        upserts(producer, input, t, V1, round, String::valueOf);
                    }
                }
                producer.flush();
                Thread.sleep(700);
            }
            await("the failover", () -> FaultPoints.fired(jobId) == 1);
            for (TableId t : TABLES.subList(0, 2)) {
                awaitContents(db, t, expected.get(t));
            }
            assertThat(contents(db, T3)).isEqualTo(beforeChange);
            assertThat(quarantined(db, jobId)).isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM public._b2r_quarantine_kept")).isPositive();

            // The fix by hand, then the resume: the kept committables go first, in order.
            fixByHand(db);
            execute(
                    db,
                    "DELETE FROM public._b2r_quarantine WHERE job_id = '"
                            + jobId
                            + "' AND target_table = 'public.shop__t3'");
            upserts(producer, input, T3, V2, 8, r -> "r" + r);
            producer.flush();
            for (TableId t : TABLES) {
                awaitContents(db, t, expected.get(t));
            }
            await(
                    "the kept committables' release",
                    () -> count(db, "SELECT count(*) FROM public._b2r_quarantine_kept") == 0);
            assertThat(quarantined(db, jobId)).isZero();
            assertAppliedInCheckpointOrder(db, jobId);
        } finally {
            job.cancel().get();
            FaultPoints.disarm(jobId);
        }
    }

    /** On Redshift, by copy as the sink itself changes a type (ALTER COLUMN TYPE cannot). */
    private static void fixByHand(SinkTarget db) throws SQLException {
        String t = "public.shop__t3";
        if (db.kind() == Warehouse.POSTGRES) {
            execute(db, "ALTER TABLE " + t + " ALTER COLUMN qty TYPE VARCHAR(20)");
            return;
        }
        execute(db, "ALTER TABLE " + t + " ADD COLUMN qty_text VARCHAR(80)");
        execute(db, "UPDATE " + t + " SET qty_text = CAST(qty AS VARCHAR(80))");
        execute(db, "ALTER TABLE " + t + " DROP COLUMN qty");
        execute(db, "ALTER TABLE " + t + " RENAME COLUMN qty_text TO qty");
    }

    /** Per writer subtask, the ledger's commits of t3 came in checkpoint order. */
    private static void assertAppliedInCheckpointOrder(SinkTarget db, String jobId)
            throws SQLException {
        Map<Integer, List<Long>> bySubtask = new TreeMap<>();
        try (Connection c = db.connect();
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT subtask, checkpoint_id FROM"
                                                + " public._b2r_commit_ledger WHERE job_id = '"
                                                + jobId
                                                + "' AND target_table = 'public.shop__t3'"
                                                + " ORDER BY committed_at, checkpoint_id")) {
            while (rs.next()) {
                bySubtask.computeIfAbsent(rs.getInt(1), s -> new ArrayList<>()).add(rs.getLong(2));
            }
        }
        assertThat(bySubtask).isNotEmpty();
        bySubtask.values().forEach(ids -> assertThat(ids).isSorted());
    }

    private SinkConfig config(SinkTarget db, KafkaTopic input, String jobId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kafka.bootstrap-servers", input.bootstrapServers());
        m.put("kafka.topics", input.name());
        m.put("kafka.starting-offsets", "EARLIEST");
        m.putAll(db.db().sinkSettings());
        m.put("sink.staging.path", db.stagingUri());
        m.put("sink.job-id", jobId);
        m.put("sink.commit.retry-backoff", "200ms");
        m.put("pipeline.job-name", "quarantine-it");
        m.put("pipeline.parallelism", "2");
        m.put("pipeline.checkpoint.interval", "500ms");
        m.put("pipeline.restart-strategy", "FIXED_DELAY");
        m.put("pipeline.restart-strategy.attempts", "3");
        m.put("pipeline.restart-strategy.delay", "500ms");
        Settings s = Settings.of(m, Origin.propertiesFile("quarantine-it.properties"));
        return SinkConfig.from(new ConfigLoader(SinkOptions.ALL).merge(List.of(s)));
    }

    private static JobClient start(SinkConfig config) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RedshiftSinkTopology.build(env, config);
        return env.executeAsync("quarantine-it");
    }

    private void upserts(
            KafkaProducer<byte[], byte[]> producer,
            KafkaTopic input,
            TableId t,
            List<ColumnDef> cols,
            int round,
            java.util.function.IntFunction<Object> qty) {
        for (int id = 1; id <= KEYS; id++) {
            // Each round changes every other key, so keys move on in different checkpoints.
            if (round > 0 && (id + round) % 2 == 0) {
                continue;
            }
            Object value = qty.apply(round * 100 + id);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("id", (long) id);
            after.put("qty", value);
            ChangeEvent e = ChangeEvent.update(t, null, after, pos(), 0, PK, cols);
            producer.send(
                    new ProducerRecord<>(input.name(), key(t, id), ChangeEventJson.toBytes(e)));
            expected.get(t).put(id, String.valueOf(value));
        }
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer,
            KafkaTopic input,
            int partition,
            byte[] key,
            ChangeEvent e) {
        producer.send(
                new ProducerRecord<>(input.name(), partition, key, ChangeEventJson.toBytes(e)));
    }

    private static byte[] key(TableId t, int id) {
        return PartitionKey.bytes(t, PK, Map.of("id", (long) id));
    }

    private SourcePosition pos() {
        position++;
        return SourcePosition.binlog(
                1, "mysql-bin.000001", position, 0, null, false, 1_700_000_000_000L + position);
    }

    private static void awaitContents(SinkTarget db, TableId t, Map<Integer, String> want)
            throws Exception {
        await(t + " to hold its expected rows", () -> want.equals(contents(db, t)));
    }

    private static Map<Integer, String> contents(SinkTarget db, TableId t) throws SQLException {
        Map<Integer, String> rows = new TreeMap<>();
        try (Connection c = db.connect();
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT id, qty FROM public.\""
                                                + t.database()
                                                + "__"
                                                + t.table()
                                                + "\"")) {
            while (rs.next()) {
                rows.put(rs.getInt(1), rs.getString(2));
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) { // not created yet
                return rows;
            }
            throw e;
        }
        return rows;
    }

    private static long quarantined(SinkTarget db, String jobId) throws SQLException {
        return count(
                db,
                "SELECT count(DISTINCT target_table) FROM public._b2r_quarantine WHERE job_id = '"
                        + jobId
                        + "' AND target_table = 'public.shop__t3'");
    }

    private static long count(SinkTarget db, String sql) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0;
            }
            throw e;
        }
    }

    private static void execute(SinkTarget db, String sql) throws SQLException {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(250);
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
}
