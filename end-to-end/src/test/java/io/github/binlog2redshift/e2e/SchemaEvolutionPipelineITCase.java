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
 * Schema changes in the running pipeline (MariaDB -> cdc-source -> Kafka -> redshift-sink at
 * parallelism 2 -> each warehouse), each DDL between row changes of the same burst, so DDL and rows
 * share checkpoints and subtasks: afterwards the target's columns and types are the documented
 * mapping of the source's ({@code docs/tables.md}) and verify finds the rows equal. DDL is issued
 * only once the binlog is read: Flink CDC fails on DDL during its snapshot (a documented limit).
 * TRUNCATE TABLE has its own test ({@code TruncatePipelineITCase}).
 */
@ExtendWith(LocalStackExtension.class)
class SchemaEvolutionPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void followsDdlInterleavedWithRows(
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
        String profiles = p.target(db1, "profiles");
        sql(
                db1,
                "CREATE TABLE profiles (id INT PRIMARY KEY, name VARCHAR(20), score INT,"
                        + " legacy VARCHAR(10), nick VARCHAR(10))",
                "INSERT INTO profiles VALUES (1, 'one', 1, 'l1', 'n1'), (2, 'two', 2, 'l2', 'n2'),"
                        + " (3, 'three', 3, 'l3', 'n3'), (4, 'four', 4, 'l4', 'n4'),"
                        + " (5, 'five', 5, 'l5', 'n5'), (6, 'six', 6, 'l6', 'n6')");
        try (PipelineJobs jobs = new PipelineJobs()) {
            jobs.startSource(JobConfigs.source(p));
            jobs.startSink(JobConfigs.sink(p));
            // A row changed after the snapshot has landed: the source reads the binlog now.
            awaitCount(warehouse, profiles, "6");
            sql(db1, "INSERT INTO profiles VALUES (7, 'seven', 7, 'l7', 'n7')");
            awaitCount(warehouse, profiles, "7");

            sql(
                    db1,
                    "UPDATE profiles SET score = score + 10 WHERE id <= 3",
                    "ALTER TABLE profiles ADD COLUMN email VARCHAR(40)",
                    "INSERT INTO profiles (id, name, score, legacy, nick, email)"
                            + " VALUES (8, 'eight', 8, 'l8', 'n8', 'e8@x')",
                    "UPDATE profiles SET email = 'e1@x' WHERE id = 1",
                    "ALTER TABLE profiles DROP COLUMN legacy",
                    "INSERT INTO profiles (id, name, score, nick) VALUES (9, 'nine', 9, 'n9')",
                    "ALTER TABLE profiles RENAME COLUMN nick TO handle",
                    "UPDATE profiles SET handle = 'h2' WHERE id = 2",
                    "INSERT INTO profiles (id, name, score, handle) VALUES (10, 'ten', 10, 'h10')",
                    "ALTER TABLE profiles MODIFY name VARCHAR(200)",
                    "INSERT INTO profiles (id, name, score) VALUES (11, REPEAT('x', 150), 11)",
                    "ALTER TABLE profiles MODIFY score BIGINT",
                    "UPDATE profiles SET score = 10000000000 WHERE id = 11",
                    "CREATE TABLE tags (id INT PRIMARY KEY, label VARCHAR(30))",
                    "INSERT INTO tags VALUES (1, 'a'), (2, 'b'), (3, 'c')",
                    "DELETE FROM profiles WHERE id = 5");
            Verification.awaitEqual(p, MAX_WAIT);

            sql(
                    db1,
                    "UPDATE tags SET label = 'b2' WHERE id = 2",
                    "ALTER TABLE tags MODIFY label VARCHAR(60)",
                    "INSERT INTO profiles (id, name, score, handle, email)"
                            + " VALUES (12, 'twelve', 12, 'h12', 'e12@x')",
                    "DELETE FROM tags WHERE id = 1",
                    "INSERT INTO tags VALUES (4, REPEAT('d', 50))");
            Verification.awaitEqual(p, MAX_WAIT);
        }

        String table = (db1.name() + "__profiles").toLowerCase();
        assertThat(
                        warehouse.query(
                                "SELECT column_name || ' ' || data_type"
                                        + " || COALESCE('(' || character_maximum_length || ')', '')"
                                        + " FROM information_schema.columns WHERE table_schema ="
                                        + " 'public' AND table_name = ? AND left(column_name, 5)"
                                        + " <> '_b2r_' ORDER BY ordinal_position",
                                table))
                // The order is the source's unless rows of another subtask added the renamed
                // column before the rename ran: then it was merged and sits at the end.
                .as("dropped column kept, renamed, widened, added; nothing else")
                // Redshift's VARCHAR lengths are UTF-8 bytes, 4 a character (docs/tables.md).
                .containsExactlyInAnyOrder(
                        "id integer",
                        target.either("name character varying(200)", "name character varying(800)"),
                        "score bigint",
                        target.either(
                                "legacy character varying(10)", "legacy character varying(40)"),
                        target.either(
                                "handle character varying(10)", "handle character varying(40)"),
                        target.either(
                                "email character varying(40)", "email character varying(160)"));
        assertThat(warehouse.query("SELECT id, legacy FROM " + profiles + " ORDER BY id"))
                .as("the kept column: old values where the row was not written since the DROP")
                .containsExactly(
                        "1|l1", "2|null", "3|l3", "4|l4", "6|l6", "7|l7", "8|l8", "9|null",
                        "10|null", "11|null", "12|null");
        assertThat(
                        warehouse.query(
                                "SELECT id, label FROM " + p.target(db1, "tags") + " ORDER BY id"))
                .containsExactly("2|b2", "3|c", "4|" + "d".repeat(50));
    }

    private static void awaitCount(WarehouseReader warehouse, String table, String count) {
        await().atMost(MAX_WAIT)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> count.equals(warehouse.one("SELECT count(*) FROM " + table)));
    }
}
