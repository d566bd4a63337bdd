package io.github.binlog2redshift.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.e2e.WarehouseReader.LedgerRow;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * MariaDB (two databases) -> cdc-source -> Kafka (4 partitions) -> redshift-sink -> S3 (S3Proxy) ->
 * each warehouse (PostgreSQL, the local Redshift), both jobs running at once in one MiniCluster
 * with 1 s checkpoints: the snapshot and every kind of change arrive, verify finds every table
 * equal, and the ledger records each committable once.
 */
@ExtendWith(LocalStackExtension.class)
class PipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    static final Duration MAX_WAIT = Duration.ofSeconds(120);

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void mirrorsTwoDatabasesRowForRow(
            Warehouse target,
            LocalStack stack,
            MySqlDatabase db1,
            MySqlDatabase db2,
            @Partitions(4) KafkaTopic topic,
            S3Location s3)
            throws Exception {
        PipelineResources p =
                PipelineResources.of(
                        stack, db1, db2, topic, s3, target.newDatabase(stack, "warehouse"));
        WarehouseReader warehouse = new WarehouseReader(p.warehouse());
        Workload workload = new Workload(p);
        workload.createWithSnapshotRows();
        try (PipelineJobs jobs = new PipelineJobs()) {
            jobs.startSource(JobConfigs.source(p));
            jobs.startSink(JobConfigs.sink(p));
            String customers1 = p.target(db1, "customers");
            await().atMost(MAX_WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .until(
                            () ->
                                    warehouse
                                            .one("SELECT count(*) FROM " + customers1)
                                            .equals(Integer.toString(Workload.SNAPSHOT_CUSTOMERS)));
            Verification.awaitEqual(p, MAX_WAIT);

            workload.changes();
            Verification.awaitEqual(p, MAX_WAIT);

            assertThat(
                            warehouse.query(
                                    "SELECT name, balance, note FROM "
                                            + customers1
                                            + " WHERE id IN (1, 4, 9) ORDER BY id"))
                    .containsExactly(
                            "hot-"
                                    + Workload.HOT_ROW_UPDATES
                                    + "|"
                                    + (100 + Workload.HOT_ROW_UPDATES)
                                    + ".00|",
                            "back again|4.44|reinserted",
                            p.db1().name().substring(p.db1().name().length() - 1)
                                    + "-cust-9|9.50|null");
            assertThat(warehouse.query("SELECT updated FROM " + customers1 + " WHERE id = 4"))
                    .containsExactly("2024-02-29 00:00:00.001");
            assertThat(warehouse.query("SELECT note FROM " + customers1 + " WHERE id = 2"))
                    .containsExactly("a, \"b\"\nc\\d é ☃");
            assertThat(warehouse.query("SELECT id FROM " + customers1 + " WHERE id = 3")).isEmpty();
            assertThat(
                            warehouse.query(
                                    "SELECT name FROM "
                                            + p.target(db2, "customers")
                                            + " WHERE id = 1"))
                    .containsExactly("db2 only");
            assertThat(
                            warehouse.query(
                                    "SELECT order_id, line_no, qty FROM "
                                            + p.target(db1, "order_lines")
                                            + " ORDER BY 1, 2"))
                    .containsExactly("1|1|11", "1|9|12", "3|1|7", "4|1|3");

            assertLedger(warehouse.ledger(p.jobId()), p, workload.events());
        }
    }

    /**
     * Records the sink cannot read, written into the topic between good changes: they go whole to
     * the dead-letter topic with their reasons, the sink keeps running, and the good data lands.
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void badRecordsGoToTheDeadLetterTopicAndTheRestLands(
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
        Workload workload = new Workload(p);
        workload.createWithSnapshotRows();
        try (PipelineJobs jobs = new PipelineJobs()) {
            jobs.startSource(JobConfigs.source(p));
            JobClient sink = jobs.startSink(JobConfigs.sink(p));
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put("bad-1", "not json {");
            bad.put(
                    "bad-2",
                    "{\"source\": {\"db\": \"x\", \"table\": \"y\"}, \"after\": {\"id\": 1}}");
            bad.put(
                    "bad-3",
                    "{\"op\": \"z\", \"source\": {\"db\": \"x\", \"table\": \"y\"},"
                            + " \"after\": {\"id\": 1}}");
            TopicIO.send(topic.bootstrapServers(), topic.name(), bad);
            workload.changes();
            Verification.awaitEqual(p, MAX_WAIT);

            List<JsonNode> letters =
                    TopicIO.readJson(topic.bootstrapServers(), p.deadLetterTopic(), 3, MAX_WAIT);
            assertThat(letters)
                    .extracting(n -> n.path("key").asText() + ":" + n.path("reason").asText())
                    .containsExactlyInAnyOrder(
                            "bad-1:not_json", "bad-2:missing_op", "bad-3:unknown_op");
            assertThat(letters)
                    .allSatisfy(
                            n -> {
                                assertThat(n.path("topic").asText()).isEqualTo(topic.name());
                                assertThat(n.path("detail").asText()).isNotEmpty();
                                assertThat(n.path("value_base64").asText()).isNotEmpty();
                            });
            assertThat(sink.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        }
    }

    /**
     * Every target table has ledger rows; (table, checkpoint, staging id) and (table, checkpoint,
     * subtask) occur once each; the insert-only table's rows were staged and applied once each.
     */
    static void assertLedger(List<LedgerRow> ledger, PipelineResources p, int events) {
        assertThat(ledger).isNotEmpty();
        assertThat(ledger.stream().map(LedgerRow::table).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(
                        tableName(p, p.db1(), "customers"),
                        tableName(p, p.db1(), "order_lines"),
                        tableName(p, p.db1(), "events"),
                        tableName(p, p.db2(), "customers"),
                        tableName(p, p.db2(), "items"));
        assertThat(
                        ledger.stream()
                                .map(r -> r.table() + "@" + r.checkpointId() + "/" + r.stagingId()))
                .doesNotHaveDuplicates();
        assertThat(ledger.stream().map(r -> r.table() + "@" + r.checkpointId() + "#" + r.subtask()))
                .doesNotHaveDuplicates();
        String eventsTable = tableName(p, p.db1(), "events");
        List<LedgerRow> eventBatches =
                ledger.stream().filter(r -> r.table().equals(eventsTable)).toList();
        assertThat(eventBatches.stream().mapToLong(LedgerRow::rowsStaged).sum())
                .as("insert-only rows staged, over all ledger rows")
                .isEqualTo(events);
        assertThat(eventBatches.stream().mapToLong(LedgerRow::rowsApplied).sum())
                .as("insert-only rows applied, over all ledger rows")
                .isEqualTo(events);
    }

    static String tableName(PipelineResources p, MySqlDatabase db, String table) {
        return ("public." + db.name() + "__" + table).toLowerCase();
    }
}
