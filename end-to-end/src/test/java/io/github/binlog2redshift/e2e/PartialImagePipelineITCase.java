package io.github.binlog2redshift.e2e;

import static io.github.binlog2redshift.e2e.PipelineResources.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MariaDbServer;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A source that logs partial row images (a private MariaDB with {@code binlog_row_image=MINIMAL},
 * then one with {@code NOBLOB}) through the running pipeline into each warehouse: inserts,
 * single-column updates, updates of several columns and of many rows, deletes, and a table without
 * a key holding duplicate rows. Some updates meet their row's insert in the sink's dedupe (same
 * checkpoint), others arrive checkpoints later and are completed from the target row. After each
 * burst verify finds every table equal to the source; with NOBLOB, TEXT and BLOB columns that no
 * update touched keep their values.
 */
@ExtendWith(LocalStackExtension.class)
class PartialImagePipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    static final Duration MAX_WAIT = Duration.ofSeconds(90);

    @TempDir Path servers;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void minimalImagesMirrorUpdatesOfSomeColumns(
            Warehouse target, LocalStack stack, @Partitions(2) KafkaTopic topic, S3Location s3)
            throws Exception {
        try (MariaDbServer server = MariaDbServer.start(servers, "MINIMAL")) {
            MySqlDatabase db1 = server.admin().createDatabase("pmin_a");
            MySqlDatabase db2 = server.admin().createDatabase("pmin_b");
            PipelineResources p =
                    PipelineResources.of(
                            stack,
                            server.admin(),
                            db1,
                            db2,
                            topic,
                            s3,
                            target.newDatabase(stack, "warehouse"));
            WarehouseReader warehouse = new WarehouseReader(p.warehouse());
            String items = p.target(db1, "items");
            sql(
                    db1,
                    "CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT"
                            + " NULL, qty INT, price DECIMAL(10,2), note TEXT, flag TINYINT)",
                    "INSERT INTO items VALUES (1, 'a', 1, 1.50, 'n1', 0), (2, 'b', 2, 2.50, 'n2',"
                            + " 0), (3, 'c', 3, NULL, NULL, 0), (4, 'd', 4, 4.00, 'n4', 0)");
            sql(
                    db2,
                    "CREATE TABLE bag (a INT, b VARCHAR(10), c INT)",
                    "INSERT INTO bag VALUES (1, 'x', 1), (1, 'x', 1), (2, 'y', NULL)");
            try (PipelineJobs jobs = new PipelineJobs()) {
                jobs.startSource(JobConfigs.source(p, "source.chunk-key-columns=pmin_b.bag=a"));
                jobs.startSink(JobConfigs.sink(p));
                awaitCount(warehouse, items, "4");

                // Rows the target has from the snapshot: completed from the target row.
                sql(
                        db1,
                        "UPDATE items SET qty = 20 WHERE id = 2",
                        "UPDATE items SET name = 'c2', price = 3.25, note = 'set' WHERE id = 3",
                        "UPDATE items SET note = NULL WHERE id = 1",
                        "DELETE FROM items WHERE id = 4",
                        // every column given, and the auto-increment key logged
                        "INSERT INTO items (name, qty, price, note, flag) VALUES ('e', 5, 5.00,"
                                + " 'n5', 1)",
                        // inserted and updated in one checkpoint: completed by the dedupe
                        "INSERT INTO items VALUES (6, 'f', 6, 6.00, 'n6', 0)",
                        "UPDATE items SET qty = 66 WHERE id = 6");
                sql(
                        db2,
                        "UPDATE bag SET c = 2 WHERE a = 1 LIMIT 1",
                        "DELETE FROM bag WHERE a = 2",
                        "INSERT INTO bag VALUES (3, 'z', 3), (3, 'z', 3)");
                Verification.awaitEqual(p, MAX_WAIT);

                // Later checkpoints: changes of many rows, and of rows changed before.
                Thread.sleep(1500);
                sql(
                        db1,
                        "UPDATE items SET flag = 1 WHERE id <= 3",
                        "UPDATE items SET price = price * 2 WHERE id = 6");
                Thread.sleep(1500);
                sql(
                        db1,
                        "UPDATE items SET qty = qty + 1, note = 'again' WHERE id IN (2, 6)",
                        "UPDATE items SET name = 'e2' WHERE name = 'e'");
                sql(db2, "UPDATE bag SET b = 'w' WHERE a = 3 LIMIT 1");
                Verification.awaitEqual(p, MAX_WAIT);
            }
            assertThat(warehouse.query("SELECT id, name, qty, price, note, flag FROM " + items))
                    .containsExactlyInAnyOrder(
                            "1|a|1|1.50|null|1",
                            "2|b|21|2.50|again|1",
                            "3|c2|3|3.25|set|1",
                            "5|e2|5|5.00|n5|1",
                            "6|f|67|12.00|again|0");
            List<JsonNode> events = events(topic);
            assertThat(events)
                    .as("an update of one column carries that column and the key only")
                    .anySatisfy(
                            e -> {
                                assertThat(e.path("source").path("table").asText())
                                        .isEqualTo("items");
                                assertThat(e.path("partial_image").asBoolean()).isTrue();
                                assertThat(e.path("after").path("qty").asInt()).isEqualTo(20);
                                assertThat(e.path("after").has("name")).isFalse();
                            });
            assertThat(events)
                    .as("a keyless table's before image is whole, so its updates are completed")
                    .filteredOn(e -> e.path("source").path("table").asText().equals("bag"))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.has("partial_image")).isFalse());
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void noblobImagesKeepUnchangedTextAndBlobColumns(
            Warehouse target, LocalStack stack, @Partitions(2) KafkaTopic topic, S3Location s3)
            throws Exception {
        try (MariaDbServer server = MariaDbServer.start(servers, "NOBLOB")) {
            MySqlDatabase db1 = server.admin().createDatabase("pnob_a");
            MySqlDatabase db2 = server.admin().createDatabase("pnob_b");
            PipelineResources p =
                    PipelineResources.of(
                            stack,
                            server.admin(),
                            db1,
                            db2,
                            topic,
                            s3,
                            target.newDatabase(stack, "warehouse"));
            WarehouseReader warehouse = new WarehouseReader(p.warehouse());
            String docs = p.target(db1, "docs");
            sql(
                    db1,
                    "CREATE TABLE docs (id INT PRIMARY KEY, title VARCHAR(20), body TEXT, data"
                            + " BLOB, n INT)",
                    "INSERT INTO docs VALUES (1, 't1', 'body one', x'00ff', 1), (2, 't2', 'body"
                            + " two', NULL, 2), (3, 't3', NULL, x'01', 3)");
            sql(db2, "CREATE TABLE notes (id INT PRIMARY KEY, txt MEDIUMTEXT)");
            try (PipelineJobs jobs = new PipelineJobs()) {
                jobs.startSource(JobConfigs.source(p));
                jobs.startSink(JobConfigs.sink(p));
                awaitCount(warehouse, docs, "3");
                sql(
                        db1,
                        "UPDATE docs SET title = 'u1' WHERE id = 1",
                        "UPDATE docs SET n = n + 10",
                        "UPDATE docs SET body = 'new body' WHERE id = 2",
                        "INSERT INTO docs VALUES (4, 't4', 'body four', x'abcd', 4)");
                sql(
                        db2,
                        "INSERT INTO notes VALUES (1, 'long text'), (2, 'more')",
                        "DELETE FROM notes WHERE id = 2");
                Verification.awaitEqual(p, MAX_WAIT);
                Thread.sleep(1500);
                sql(db1, "UPDATE docs SET title = 'u4', n = 0 WHERE id = 4");
                Verification.awaitEqual(p, MAX_WAIT);
            }
            assertThat(warehouse.query("SELECT id, title, body, n FROM " + docs))
                    .containsExactlyInAnyOrder(
                            "1|u1|body one|11",
                            "2|t2|new body|12",
                            "3|t3|null|13",
                            "4|u4|body four|0");
            assertThat(events(topic))
                    .as("NOBLOB leaves out the TEXT and BLOB columns an update did not change")
                    .anySatisfy(
                            e -> {
                                assertThat(e.path("op").asText()).isEqualTo("u");
                                assertThat(e.path("partial_image").asBoolean()).isTrue();
                                assertThat(e.path("after").has("title")).isTrue();
                                assertThat(e.path("after").has("body")).isFalse();
                            });
        }
    }

    /** Every change event cdc-source wrote. */
    private static List<JsonNode> events(KafkaTopic topic) throws Exception {
        return TopicIO.readJson(
                topic.bootstrapServers(), topic.name(), Integer.MAX_VALUE, Duration.ofSeconds(5));
    }

    private static void awaitCount(WarehouseReader warehouse, String table, String count) {
        await().atMost(MAX_WAIT)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> count.equals(warehouse.one("SELECT count(*) FROM " + table)));
    }
}
