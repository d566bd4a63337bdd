package io.github.binlog2redshift.e2e;

import static io.github.binlog2redshift.e2e.PipelineResources.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tables without a primary key in the running pipeline (MariaDB -> cdc-source -> Kafka, 2
 * partitions -> redshift-sink at parallelism 2 -> each warehouse), mirrored by default as multisets
 * ({@code docs/tables.md}): rows that are duplicates at the source stay duplicates, a DELETE ...
 * LIMIT 1 of one of two identical rows removes one, an UPDATE ... LIMIT 1 of one of two replaces
 * one, a row deleted and inserted again, inserted and deleted, or changed and changed back within
 * one burst (one checkpoint) leaves the count the source has, and a TRUNCATE between such changes
 * empties the table for the rows before it only. After each burst verify compares every table as a
 * multiset and finds it equal; the target ends with exactly as many rows as the source (the issue
 * this answers: a change log with 5 rows for a source of 3).
 */
@ExtendWith(LocalStackExtension.class)
class KeylessPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void keylessTablesWithDuplicatesStayEqualAsMultisets(
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
        String bag = p.target(db1, "bag");
        String pairs = p.target(db2, "pairs");
        sql(
                db1,
                "CREATE TABLE bag (a INT, b VARCHAR(10), amount DOUBLE, doc JSON)",
                "INSERT INTO bag VALUES (1, 'x', 1.5, '{\"k\": 1}'), (1, 'x', 1.5, '{\"k\": 1}'),"
                        + " (1, 'x', 1.5, '{\"k\": 2}'), (2, 'y', NULL, NULL),"
                        + " (2, 'y', NULL, NULL), (3, 'z', 0, NULL), (3, 'z', NULL, NULL),"
                        + " (4, 'w', 2.25, '[1, 2]'), (4, 'w', 2.25, '[1, 2]'),"
                        + " (4, 'w', 2.25, '[1, 2]')");
        sql(
                db2,
                "CREATE TABLE pairs (k VARCHAR(5), v INT)",
                "INSERT INTO pairs VALUES ('a', 1), ('a', 1), ('b', NULL)");
        String splitColumns =
                "source.chunk-key-columns=" + db1.name() + ".bag=a;" + db2.name() + ".pairs=k";
        try (PipelineJobs jobs = new PipelineJobs()) {
            jobs.startSource(JobConfigs.source(p, splitColumns));
            jobs.startSink(JobConfigs.sink(p));
            awaitCount(warehouse, bag, "10");
            awaitCount(warehouse, pairs, "3");
            // A row changed after the snapshot has landed: the source reads the binlog now.
            sql(db2, "INSERT INTO pairs VALUES ('b', NULL)");
            awaitCount(warehouse, pairs, "4");

            // One burst: the changes share checkpoints (1 s) and reach the sink in one batch or
            // two, in any case in source order per table (cdc-source keys a keyless table by name).
            sql(
                    db1,
                    // one of two identical rows
                    "DELETE FROM bag WHERE a = 1 AND doc = '{\"k\": 1}' LIMIT 1",
                    "UPDATE bag SET b = 'y2' WHERE a = 2 LIMIT 1",
                    // NULL is not 0: the other row stays
                    "DELETE FROM bag WHERE a = 3 AND amount IS NULL",
                    // deleted and inserted again, inserted and deleted
                    "DELETE FROM bag WHERE a = 4 LIMIT 1",
                    "INSERT INTO bag VALUES (4, 'w', 2.25, '[1, 2]')",
                    "INSERT INTO bag VALUES (5, 'v', 0.1, NULL)",
                    "DELETE FROM bag WHERE a = 5",
                    // changed and changed back
                    "UPDATE bag SET b = 'x3' WHERE a = 1 AND doc = '{\"k\": 2}'",
                    "UPDATE bag SET b = 'x' WHERE b = 'x3'");
            sql(db2, "UPDATE pairs SET v = 2 WHERE k = 'a' LIMIT 1");
            Verification.awaitEqual(p, MAX_WAIT);
            assertThat(warehouse.one("SELECT count(*) FROM " + bag)).isEqualTo("8");

            // Across checkpoints, and a TRUNCATE between changes of one burst.
            sql(
                    db1,
                    "DELETE FROM bag WHERE a = 4 LIMIT 2",
                    "UPDATE bag SET b = 'y' WHERE b = 'y2'",
                    "INSERT INTO bag VALUES (6, 'g', -0.5, '\"s\"'), (6, 'g', -0.5, '\"s\"')");
            Thread.sleep(1500);
            sql(
                    db2,
                    "DELETE FROM pairs WHERE k = 'b' LIMIT 1",
                    "TRUNCATE TABLE pairs",
                    "INSERT INTO pairs VALUES ('c', 3), ('c', 3), ('d', NULL)",
                    "DELETE FROM pairs WHERE k = 'c' LIMIT 1",
                    "UPDATE pairs SET v = 4 WHERE k = 'd'");
            Verification.awaitEqual(p, MAX_WAIT);
        }
        assertThat(
                        warehouse.query(
                                "SELECT a, b, count(*) FROM "
                                        + bag
                                        + " GROUP BY a, b ORDER BY a, b"))
                .containsExactly("1|x|2", "2|y|2", "3|z|1", "4|w|1", "6|g|2");
        assertThat(warehouse.query("SELECT k, v FROM " + pairs + " ORDER BY k"))
                .containsExactly("c|3", "d|4");
        assertThat(
                        warehouse.query(
                                "SELECT column_name FROM information_schema.columns WHERE"
                                        + " table_schema = 'public' AND table_name = ?"
                                        + " ORDER BY ordinal_position",
                                (db1.name() + "__bag").toLowerCase()))
                .as("a mirror, not a change log: no _b2r_op")
                .containsExactly("a", "b", "amount", "doc", "_b2r_pos", "_b2r_ts");
    }

    private static void awaitCount(WarehouseReader warehouse, String table, String count) {
        await().atMost(MAX_WAIT)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> count.equals(warehouse.one("SELECT count(*) FROM " + table)));
    }
}
