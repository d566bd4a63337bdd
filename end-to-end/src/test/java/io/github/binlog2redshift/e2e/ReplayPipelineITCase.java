package io.github.binlog2redshift.e2e;

import static io.github.binlog2redshift.e2e.PipelineResources.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tables that only grow get each change once however often the sink reads it (issue 15): a keyed
 * table with history and delete archive, a keyless mirror with history and delete archive, and a
 * keyless change log, loaded by the running pipeline. Then the sink reads the whole topic again, as
 * a sink restored from a savepoint older than everything does (same sink job id, new checkpoint and
 * staging ids, so the commit ledger knows none of it), and once more after every record was
 * produced onto the topic a second time, at new offsets, as an at-least-once producer's re-send
 * leaves it. Every one of those tables ends as after the first load, exactly, and as the source's
 * changes say: equal changes at two positions (an update back to earlier values, identical rows
 * inserted by two statements and by one) are all there.
 */
@ExtendWith(LocalStackExtension.class)
class ReplayPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    static final Duration MAX_WAIT = Duration.ofSeconds(90);

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void appendOnlyTablesGetEachChangeOnceWhateverIsReadAgain(
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
        WarehouseReader warehouse = new WarehouseReader(p.warehouse());
        sql(
                db1,
                "CREATE TABLE orders (id INT PRIMARY KEY, note VARCHAR(20))",
                "INSERT INTO orders VALUES (1, 'a'), (2, 'b')",
                // Keyless tables without snapshot rows: a keyless table's snapshot rows share
                // their chunk's watermark and are appended again when read again (docs/tables.md).
                "CREATE TABLE bag (a INT, b VARCHAR(10))",
                "CREATE TABLE log (a INT, b VARCHAR(10))");
        String db = db1.name();
        String rules =
                "sink.tables=[{\"db\": \""
                        + db
                        + "\", \"table\": \"orders|bag\", \"history\": true, \"save_delete\": true},"
                        + " {\"db\": \""
                        + db
                        + "\", \"table\": \"log\", \"keyless\": \"append\"}]";
        String splitColumns = "source.chunk-key-columns=" + db + ".bag=a;" + db + ".log=a";
        Expected expected = new Expected(db1);
        try (PipelineJobs jobs = new PipelineJobs()) {
            JobClient source = jobs.startSource(JobConfigs.source(p, splitColumns));
            JobClient sink = jobs.startSink(JobConfigs.sink(p, rules));
            awaitRows(warehouse, p.target(db1, "orders"), 2);
            sql(
                    db1,
                    "INSERT INTO orders VALUES (3, 'c')",
                    "UPDATE orders SET note = 'a2' WHERE id = 1",
                    "DELETE FROM orders WHERE id = 2",
                    "UPDATE orders SET note = 'c2' WHERE id = 3",
                    "UPDATE orders SET note = 'c' WHERE id = 3",
                    "UPDATE orders SET note = 'c2' WHERE id = 3",
                    "INSERT INTO bag VALUES (1, 'x'), (1, 'x')",
                    "INSERT INTO bag VALUES (1, 'x')",
                    "INSERT INTO bag VALUES (2, 'y')",
                    "DELETE FROM bag WHERE a = 1 LIMIT 1",
                    "UPDATE bag SET b = 'y2' WHERE a = 2",
                    "INSERT INTO log VALUES (1, 's'), (1, 's')",
                    "INSERT INTO log VALUES (1, 's')",
                    "DELETE FROM log WHERE a = 1 LIMIT 1",
                    "UPDATE log SET b = 't' WHERE a = 1 LIMIT 1");
            await().atMost(MAX_WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions()
                    .untilAsserted(() -> expected.check(warehouse));
            // Only the replays may write from here on, and the topic must not grow under them.
            sink.cancel().get();
            source.cancel().get();
        }
        List<String> loaded = expected.everyColumn(warehouse);

        // A sink restored from a savepoint older than everything reads the whole topic again.
        PipelineJobs.runBoundedSink(replay(p, rules, "replay-1"));
        expected.check(warehouse);
        assertThat(expected.everyColumn(warehouse)).isEqualTo(loaded);

        // Every record twice: each change once more at a new offset, and all read again.
        assertThat(TopicIO.copyOntoItself(topic.bootstrapServers(), topic.name()))
                .as(
                        "2 snapshot rows, 17 row changes (orders 6, bag 6, log 5) and the"
                                + " snapshot's chunk ranges (3 tables, one chunk each, on each of"
                                + " the 2 partitions)")
                .isEqualTo(19 + 6);
        PipelineJobs.runBoundedSink(replay(p, rules, "replay-2"));
        expected.check(warehouse);
        assertThat(expected.everyColumn(warehouse)).isEqualTo(loaded);
    }

    /** A fresh sink job reading the topic from the start in small batches, then finishing. */
    private static SinkConfig replay(PipelineResources p, String rules, String group) {
        return JobConfigs.sink(
                p,
                rules,
                "kafka.group-id=" + p.jobId() + "-" + group,
                "kafka.max-records-per-checkpoint=8",
                "pipeline.checkpoint.interval=200ms");
    }

    private static void awaitRows(WarehouseReader warehouse, String table, int rows) {
        await().atMost(MAX_WAIT)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(
                        () ->
                                String.valueOf(rows)
                                        .equals(warehouse.one("SELECT count(*) FROM " + table)));
    }

    /** What the source's changes make of each table. */
    private static final class Expected {

        private final MySqlDatabase db;

        Expected(MySqlDatabase db) {
            this.db = db;
        }

        String table(String name, String suffix) {
            return "public.\"" + (db.name() + "__" + name).toLowerCase() + suffix + "\"";
        }

        void check(WarehouseReader w) throws Exception {
            assertThat(w.query("SELECT id, note FROM " + table("orders", "") + " ORDER BY id"))
                    .containsExactly("1|a2", "3|c2");
            assertThat(
                            w.query(
                                    "SELECT id, note, _b2r_op FROM "
                                            + table("orders", "_history")
                                            + " ORDER BY _b2r_pos, id"))
                    .as("two snapshot rows, then every change; 3|c2 twice, at two positions")
                    .containsExactly(
                            "1|a|r", "2|b|r", "3|c|c", "1|a2|u", "2|b|d", "3|c2|u", "3|c|u",
                            "3|c2|u");
            assertThat(w.query("SELECT id, note FROM " + table("orders", "_delete")))
                    .containsExactly("2|b");
            assertThat(
                            w.query(
                                    "SELECT a, b, count(*) FROM "
                                            + table("bag", "")
                                            + " GROUP BY a, b ORDER BY a, b"))
                    .containsExactly("1|x|2", "2|y2|1");
            assertThat(
                            w.query(
                                    "SELECT a, b, _b2r_op FROM "
                                            + table("bag", "_history")
                                            + " ORDER BY _b2r_pos"))
                    .containsExactly("1|x|c", "1|x|c", "1|x|c", "2|y|c", "1|x|d", "2|y2|u");
            assertThat(w.query("SELECT a, b FROM " + table("bag", "_delete")))
                    .containsExactly("1|x");
            assertThat(
                            w.query(
                                    "SELECT a, b, _b2r_op FROM "
                                            + table("log", "")
                                            + " ORDER BY _b2r_pos"))
                    .containsExactly("1|s|c", "1|s|c", "1|s|c", "1|s|d", "1|t|u");
        }

        /** Every column, positions included, of each table the test checks. */
        List<String> everyColumn(WarehouseReader w) throws Exception {
            List<String> all = new ArrayList<>();
            String[][] tables = {
                {"orders", "", "id"},
                {"orders", "_history", "_b2r_pos, id"},
                {"orders", "_delete", "_b2r_pos"},
                {"bag", "", "_b2r_pos, a, b"},
                {"bag", "_history", "_b2r_pos, _b2r_op"},
                {"bag", "_delete", "_b2r_pos"},
                {"log", "", "_b2r_pos, _b2r_op"}
            };
            for (String[] t : tables) {
                all.add("-- " + t[0] + t[1]);
                all.addAll(w.rows(table(t[0], t[1]), t[2]));
            }
            return all;
        }
    }
}
