package io.github.binlog2redshift.source;

import static io.github.binlog2redshift.source.CdcJobs.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import io.github.binlog2redshift.source.TopicReader.Rec;
import io.github.binlog2redshift.source.kafka.KeyHashPartitioner;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job end to end on the local stack: snapshot then binlog of two databases into a 4-partition
 * topic; keys, partitions, per-key order, DDL copies, dead letters and exact values.
 */
@ExtendWith(LocalStackExtension.class)
class CdcSourceITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(CdcJobs.miniClusterConfig())
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void snapshotThenBinlogKeyedOrderedWithDdlInPlace(
            LocalStack stack, MySqlDatabase db1, MySqlDatabase db2, @Partitions(4) KafkaTopic topic)
            throws Exception {
        sql(
                db1,
                "CREATE TABLE orders (region VARCHAR(8), id INT, qty INT, PRIMARY KEY (region, id))",
                "INSERT INTO orders VALUES ('eu', 1, 1), ('eu', 2, 1), ('us.x', 1, 1)",
                "CREATE TABLE broken (id INT PRIMARY KEY, v INT)",
                WideTable.CREATE,
                WideTable.insert(1));
        sql(
                db2,
                "CREATE TABLE log (id INT, msg VARCHAR(20))",
                "INSERT INTO log VALUES (1, 'a'), (2, 'b')",
                "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO items VALUES (1, 'one'), (2, 'two')");
        try (Connection c = stack.mySql().connect(db2.name());
                Statement s = c.createStatement()) {
            s.execute("GRANT SELECT ON `" + db2.name() + "`.* TO '" + db1.cdcUser() + "'@'%'");
        }
        stack.kafka().createTopic(topic.name() + ".dlq", 1);
        var config =
                TestConfigs.source(
                        CdcJobs.options(
                                db1,
                                topic,
                                "5410-5411",
                                "source.database-list=" + db1.name() + "," + db2.name(),
                                "source.parallelism=2",
                                "source.chunk-key-columns=" + db2.name() + ".log=id",
                                "source.table-pk-overrides=[{\"db\": \".*\", \"table\": \"broken\","
                                        + " \"primary_key\": \"no_such_column\"}]"));
        SourcePreflight.check(config);
        JobClient job = CdcJobs.start(config);
        try (TopicReader reader =
                        new TopicReader(topic.bootstrapServers(), topic.name(), 4, false);
                TopicReader dlq =
                        new TopicReader(
                                topic.bootstrapServers(), topic.name() + ".dlq", 1, false)) {
            // the snapshot's 8 rows (chunk range events are not rows)
            reader.readUntil(
                    r -> r.stream().filter(x -> !x.op().equals("ddl")).count() >= 8,
                    Duration.ofSeconds(90));
            sql(
                    db1,
                    "INSERT INTO orders VALUES ('eu', 3, 1)",
                    "UPDATE orders SET qty = 2 WHERE region = 'eu' AND id = 1",
                    "UPDATE orders SET qty = 3 WHERE region = 'eu' AND id = 1",
                    "DELETE FROM orders WHERE region = 'eu' AND id = 2",
                    "INSERT INTO broken VALUES (1, 1)",
                    WideTable.insert(2));
            // Flink CDC cannot apply a DDL made before its binlog reader started (it would read
            // older rows with the newer schema): wait until streamed changes arrive.
            reader.readUntil(
                    r ->
                            r.stream()
                                    .anyMatch(
                                            x ->
                                                    x.value().path("after").path("vc").isTextual()
                                                            && x.op().equals("c")),
                    Duration.ofSeconds(60));
            sql(
                    db1,
                    "ALTER TABLE orders ADD COLUMN note VARCHAR(10) DEFAULT 'n'",
                    "UPDATE orders SET qty = 4, note = 'after' WHERE region = 'eu' AND id = 1",
                    "INSERT INTO orders VALUES ('us.x', 2, 1, 'new')");
            sql(
                    db2,
                    "INSERT INTO log VALUES (3, 'c')",
                    "UPDATE log SET msg = 'bb' WHERE id = 2",
                    "DELETE FROM log WHERE id = 1",
                    "UPDATE items SET name = 'uno' WHERE id = 1",
                    "INSERT INTO items VALUES (999, 'sentinel')");
            List<Rec> all =
                    reader.readUntil(
                            r ->
                                    r.stream()
                                            .anyMatch(
                                                    x -> x.value().toString().contains("sentinel")),
                            Duration.ofSeconds(60));
            all = reader.drain(Duration.ofSeconds(1));
            List<Rec> deadLetters = dlq.readUntil(r -> !r.isEmpty(), Duration.ofSeconds(10));

            assertPartitionsAndOrder(all, 4);
            assertDdlCopies(all, db1.name() + ".orders");
            assertWholeTableChunk(all, db1.name() + ".orders", 4);
            assertWholeTableChunk(all, db2.name() + ".items", 4);
            WideTable.assertExact(withoutChunks(all), db1);
            assertThat(count(all, db1.name() + ".orders", "r")).isEqualTo(3);
            assertThat(count(all, db2.name() + ".log", "r")).isEqualTo(2);
            assertThat(count(all, db2.name() + ".log", "c")).isEqualTo(1);
            assertThat(count(all, db2.name() + ".log", "u")).isEqualTo(1);
            assertThat(count(all, db2.name() + ".log", "d")).isEqualTo(1);
            assertThat(count(all, db1.name() + ".orders", "u")).isEqualTo(3);
            assertThat(count(all, db1.name() + ".orders", "d")).isEqualTo(1);
            // broken's rows are dead letters; its (empty) snapshot chunk's range is not a row
            assertThat(withoutChunks(all)).noneMatch(r -> r.table().endsWith(".broken"));
            assertThat(deadLetters.get(0).value().path("reason").asText())
                    .contains("key column 'no_such_column'");
            assertThat(deadLetters.get(0).key()).isEqualTo(db1.name() + ".broken");
            Rec eu1 =
                    all.stream()
                            .filter(r -> r.key().equals(db1.name() + ".orders.eu.1"))
                            .reduce((a, b) -> b)
                            .orElseThrow();
            assertThat(eu1.value().path("after").path("note").asText()).isEqualTo("after");
            assertThat(eu1.value().path("pk").toString()).isEqualTo("[\"region\",\"id\"]");
            assertThat(all)
                    .anyMatch(r -> r.key().equals(db1.name() + ".orders.us\\.x.2"))
                    .anyMatch(r -> r.key().equals(db2.name() + ".log"));
        } finally {
            job.cancel().get();
        }
    }

    @Test
    void preflightSaysWhatToFix(LocalStack stack, MySqlDatabase db, KafkaTopic topic)
            throws Exception {
        sql(db, "CREATE TABLE nokey (a INT, b INT)");
        String user = db.name() + "_weak";
        try (Connection c = stack.mySql().connect(db.name());
                Statement s = c.createStatement()) {
            s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'weak-pw'");
            s.execute("GRANT SELECT ON `" + db.name() + "`.* TO '" + user + "'@'%'");
        }
        var config =
                TestConfigs.source(
                        CdcJobs.options(
                                db,
                                topic,
                                "5440",
                                "source.username=" + user,
                                "source.password=weak-pw",
                                "source.table-list="
                                        + db.name()
                                        + "\\.nokey,"
                                        + db.name()
                                        + "\\.nope"));
        assertThatThrownBy(() -> SourcePreflight.check(config))
                .isInstanceOf(SourcePreflightException.class)
                .hasMessageContaining("missing privilege REPLICATION SLAVE")
                .hasMessageContaining(
                        "missing privilege REPLICATION CLIENT (MariaDB: BINLOG MONITOR)")
                .hasMessageContaining(
                        "source.table-list pattern '" + db.name() + "\\.nope' matches no table")
                .hasMessageContaining("table " + db.name() + ".nokey has no primary key")
                .hasMessageNotContaining("weak-pw");
    }

    /** Each record is in its key's murmur2 partition; per key, source positions only grow. */
    static void assertPartitionsAndOrder(List<Rec> all, int partitions) {
        Map<String, List<Rec>> byKey = new LinkedHashMap<>();
        for (Rec r : all) {
            if (!r.op().equals("ddl")) {
                byte[] key = r.key().getBytes(StandardCharsets.UTF_8);
                assertThat(r.partition())
                        .as("partition of %s", r.key())
                        .isEqualTo(KeyHashPartitioner.partitionFor(key, partitions));
                byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r);
            }
        }
        byKey.forEach(
                (key, recs) -> {
                    List<String> positions = recs.stream().map(Rec::sortKey).toList();
                    assertThat(positions).as("positions of %s in offset order", key).isSorted();
                });
    }

    /** {@code records} without the snapshot chunks' range events. */
    static List<Rec> withoutChunks(List<Rec> records) {
        return records.stream().filter(r -> !r.op().equals("ddl") || isDdl(r)).toList();
    }

    /** A DDL event read from the binlog, not a snapshot chunk's range. */
    static boolean isDdl(Rec r) {
        return r.op().equals("ddl") && !SnapshotChunk.isChunk(r.value().path("ddl").asText());
    }

    /**
     * The snapshot of {@code table}, read in one chunk: its range is the whole table, in every
     * partition, at the position of the chunk's rows (their high watermark).
     */
    static void assertWholeTableChunk(List<Rec> all, String table, int partitions) {
        List<Rec> chunks =
                all.stream()
                        .filter(r -> r.table().equals(table) && r.op().equals("ddl") && !isDdl(r))
                        .toList();
        assertThat(chunks.stream().map(Rec::partition).collect(Collectors.toList()))
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.range(0, partitions).boxed().toList());
        assertThat(chunks)
                .allMatch(
                        r ->
                                SnapshotChunk.parse(r.value().path("ddl").asText())
                                        .equals(SnapshotChunk.wholeTable()));
        List<String> rowPositions =
                all.stream()
                        .filter(r -> r.table().equals(table) && r.op().equals("r"))
                        .map(Rec::sortKey)
                        .distinct()
                        .toList();
        assertThat(rowPositions).hasSize(1);
        assertThat(chunks.stream().map(Rec::sortKey).distinct().toList()).isEqualTo(rowPositions);
    }

    /** One copy of the DDL in every partition, between the table's older and newer changes. */
    static void assertDdlCopies(List<Rec> all, String table) {
        List<Rec> ddl = all.stream().filter(CdcSourceITCase::isDdl).toList();
        assertThat(ddl).hasSize(4);
        assertThat(ddl.stream().map(Rec::partition).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(ddl.stream().map(Rec::sortKey).distinct()).hasSize(1);
        assertThat(ddl.get(0).value().path("ddl").asText()).contains("ADD COLUMN note");
        assertThat(ddl.get(0).value().path("columns").toString()).contains("\"name\":\"note\"");
        for (int p = 0; p < 4; p++) {
            int partition = p;
            List<String> positions =
                    all.stream()
                            .filter(r -> r.partition() == partition && r.table().equals(table))
                            .map(Rec::sortKey)
                            .toList();
            assertThat(positions).as("%s in partition %s", table, p).isSorted();
        }
        for (Rec r : all) {
            if (r.table().equals(table) && !r.op().equals("ddl")) {
                boolean later = r.sortKey().compareTo(ddl.get(0).sortKey()) > 0;
                JsonNode columns = r.value().path("columns");
                assertThat(columns.toString().contains("\"name\":\"note\""))
                        .as("columns of %s", r)
                        .isEqualTo(later);
            }
        }
    }

    private static long count(List<Rec> all, String table, String op) {
        return all.stream().filter(r -> r.table().equals(table) && r.op().equals(op)).count();
    }
}
