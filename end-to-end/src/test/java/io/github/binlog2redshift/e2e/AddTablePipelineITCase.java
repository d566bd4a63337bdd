package io.github.binlog2redshift.e2e;

import static io.github.binlog2redshift.e2e.PipelineResources.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Adding a table to a running pipeline, as docs/cdc-source.md "Adding a table" describes:
 * cdc-source captures {@code a} and {@code b} under a steady load, is stopped with a savepoint
 * while the load goes on, and resumes from it with {@code source.table-list} widened to {@code c},
 * which already has rows and keeps changing. The sink runs throughout. On the topic (read
 * committed) {@code a} and {@code b} have exactly their first snapshot's reads and every row of the
 * insert-only {@code a} once, so the changes made during the stop arrived once and neither table
 * was read again; {@code c} has a snapshot (its reads) and binlog changes after it. verify finds
 * all three equal.
 */
@ExtendWith(LocalStackExtension.class)
class AddTablePipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    private static final Duration MAX_WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int A_ROWS = 100;
    private static final int B_ROWS = 50;
    private static final int C_ROWS = 200;

    @TempDir Path savepoints;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void addedTableIsSnapshottedThenStreamedAndTheOthersGoOn(
            Warehouse target,
            LocalStack stack,
            MySqlDatabase db1,
            MySqlDatabase db2,
            @Partitions(2) KafkaTopic topic,
            S3Location s3)
            throws Exception {
        PipelineResources p =
                PipelineResources.of(
                        stack, db1, db2, topic, s3, target.newDatabase(stack, "warehouse"));
        createTables(db1);
        String db = db1.name();
        try (PipelineJobs jobs = new PipelineJobs();
                Load load = new Load(db1)) {
            JobClient source =
                    jobs.startSource(
                            JobConfigs.source(
                                    p,
                                    "source.database-list=" + db,
                                    "source.table-list=" + db + "\\.(a|b)",
                                    "source.scan-newly-added-tables=true"));
            jobs.startSink(JobConfigs.sink(p));
            WarehouseReader warehouse = new WarehouseReader(p.warehouse());
            await().atMost(MAX_WAIT)
                    .ignoreExceptions()
                    .until(
                            () ->
                                    warehouse.rows(p.target(db1, "a"), "id").size() >= A_ROWS
                                            && warehouse.rows(p.target(db1, "b"), "id").size()
                                                    >= B_ROWS);
            load.start();
            await().atMost(MAX_WAIT).until(() -> load.rounds() > 50);

            String savepoint =
                    source.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get(60, TimeUnit.SECONDS);
            // changes of a, b and c while cdc-source is stopped
            int roundsAtStop = load.rounds();
            await().atMost(MAX_WAIT).until(() -> load.rounds() > roundsAtStop + 50);

            jobs.resumeSource(
                    JobConfigs.source(
                            p,
                            "source.database-list=" + db,
                            "source.table-list=" + db + "\\.(a|b|c)",
                            "source.scan-newly-added-tables=true"),
                    savepoint);
            // c's snapshot can end after the load's changes to c on a busy machine, which then
            // all arrive as snapshot reads: wait for the snapshot, then change c some more.
            await().atMost(MAX_WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> snapshotReads(p.topic(), "c") >= C_ROWS);
            int roundsAfterSnapshot = load.rounds();
            await().atMost(MAX_WAIT).until(() -> load.rounds() > roundsAfterSnapshot + 100);
            load.close();

            Verification.awaitEqual(p, MAX_WAIT);

            Map<String, Integer> counts = new HashMap<>();
            Map<Long, Integer> aRows = new HashMap<>();
            for (JsonNode e : committedRecords(p.topic())) {
                String table = e.path("source").path("table").asText();
                String op = e.path("op").asText();
                counts.merge(table + ":" + op, 1, Integer::sum);
                if (table.equals("a")) {
                    aRows.merge(e.path("after").path("id").asLong(), 1, Integer::sum);
                }
            }
            assertThat(counts.get("a:r")).as("a read by one snapshot").isEqualTo(A_ROWS);
            assertThat(counts.get("b:r")).as("b read by one snapshot").isEqualTo(B_ROWS);
            assertThat(aRows)
                    .as("each row of the insert-only a once, also those inserted while stopped")
                    .hasSize(A_ROWS + load.rounds())
                    .allSatisfy((id, n) -> assertThat(n).as("a.id=" + id).isEqualTo(1));
            assertThat(counts.getOrDefault("b:u", 0)).isEqualTo(load.rounds());
            assertThat(counts.get("c:r"))
                    .as("c snapshotted: its rows when read")
                    .isGreaterThanOrEqualTo(C_ROWS);
            assertThat(counts.getOrDefault("c:c", 0) + counts.getOrDefault("c:u", 0))
                    .as("c streamed after its snapshot")
                    .isPositive();
        }
    }

    private static void createTables(MySqlDatabase db) throws Exception {
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE a (id BIGINT PRIMARY KEY, v INT)");
        s.add("CREATE TABLE b (id INT PRIMARY KEY, v INT)");
        s.add("CREATE TABLE c (id INT PRIMARY KEY, v INT, note VARCHAR(40))");
        for (int i = 1; i <= A_ROWS; i++) {
            s.add("INSERT INTO a VALUES (" + i + ", " + i + ")");
        }
        for (int i = 1; i <= B_ROWS; i++) {
            s.add("INSERT INTO b VALUES (" + i + ", 0)");
        }
        for (int i = 1; i <= C_ROWS; i++) {
            s.add("INSERT INTO c VALUES (" + i + ", 0, 'existing " + i + "')");
        }
        sql(db, s.toArray(String[]::new));
    }

    /** Records of {@code topic} up to its last stable offsets, committed transactions only. */
    private static List<JsonNode> committedRecords(KafkaTopic topic) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        topic.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.partitionsFor(topic.name())
                    .forEach(i -> parts.add(new TopicPartition(i.topic(), i.partition())));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertThat(System.nanoTime()).as("topic read in time").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(300))) {
                    JsonNode e = JSON.readTree(r.value());
                    if (!e.path("op").asText().equals("ddl")) {
                        out.add(e);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The load, one round every few milliseconds until closed: a new row of {@code a}, an update of
     * one row of {@code b}, and in {@code c} a new row, an update and every tenth round a delete.
     */
    private static long snapshotReads(KafkaTopic topic, String table) throws Exception {
        long n = 0;
        for (JsonNode e : committedRecords(topic)) {
            if (e.path("source").path("table").asText().equals(table)
                    && e.path("op").asText().equals("r")) {
                n++;
            }
        }
        return n;
    }

    private static final class Load implements AutoCloseable {
        private final MySqlDatabase db;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private volatile int rounds;
        private Thread thread;

        Load(MySqlDatabase db) {
            this.db = db;
        }

        void start() {
            thread = new Thread(this::run, "add-table-load");
            thread.start();
        }

        int rounds() {
            if (failure.get() != null) {
                throw new AssertionError("load failed", failure.get());
            }
            return rounds;
        }

        private void run() {
            try (Connection c = db.connect();
                    Statement s = c.createStatement()) {
                while (!stop.get()) {
                    int i = rounds + 1;
                    s.execute("INSERT INTO a VALUES (" + (A_ROWS + i) + ", " + i + ")");
                    s.execute("UPDATE b SET v = v + 1 WHERE id = " + (i % B_ROWS + 1));
                    s.execute("INSERT INTO c VALUES (" + (C_ROWS + i) + ", " + i + ", 'new')");
                    s.execute("UPDATE c SET v = v + 1 WHERE id = " + (i % (C_ROWS + i) + 1));
                    if (i % 10 == 0) {
                        s.execute("DELETE FROM c WHERE id = " + (i / 10));
                    }
                    rounds = i;
                    Thread.sleep(5);
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop.set(true);
            if (thread != null) {
                thread.join();
            }
        }
    }
}
