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
import io.github.binlog2redshift.verify.VerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * TRUNCATE TABLE in the running pipeline (MariaDB -> cdc-source -> Kafka, 2 partitions ->
 * redshift-sink at parallelism 2 -> each warehouse), between row changes of the same burst and of
 * other bursts: afterwards a mirrored table holds only the rows written after its last TRUNCATE
 * (verify finds it equal to the source), and a {@code soft_delete} table keeps the rows loaded
 * before the TRUNCATE flagged deleted while the rows written after it are live ({@code
 * docs/tables.md}). Each TRUNCATE reaches the sink once per partition and is applied once (the
 * schema log).
 */
@ExtendWith(LocalStackExtension.class)
class TruncatePipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    static final Duration MAX_WAIT = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void truncatedTablesHoldOnlyLaterRows(
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
        String orders = p.target(db1, "orders");
        String customers = p.target(db1, "customers");
        sql(
                db1,
                "CREATE TABLE orders (id INT PRIMARY KEY, qty INT, note VARCHAR(20))",
                "INSERT INTO orders VALUES (1, 1, 'a'), (2, 2, 'b'), (3, 3, 'c'), (4, 4, 'd')",
                "CREATE TABLE customers (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO customers VALUES (1, 'ann'), (2, 'bob'), (3, 'cy'), (4, 'di')");
        sql(
                db2,
                "CREATE TABLE items (id INT PRIMARY KEY, label VARCHAR(20))",
                "INSERT INTO items VALUES (1, 'kept'), (2, 'kept too')");
        String rules =
                "sink.tables=[{\"db\": \""
                        + db1.name()
                        + "\", \"table\": \"customers\", \"soft_delete\": true}]";
        try (PipelineJobs jobs = new PipelineJobs()) {
            jobs.startSource(JobConfigs.source(p));
            jobs.startSink(JobConfigs.sink(p, rules));
            awaitCount(warehouse, orders, "4");
            awaitCount(warehouse, customers, "4");
            // A row changed after the snapshot has landed: the source reads the binlog now.
            sql(db1, "INSERT INTO orders VALUES (5, 5, 'e')");
            awaitCount(warehouse, orders, "5");

            // Rows before and after each TRUNCATE in one burst, so they share checkpoints and
            // subtasks with it; the soft-delete table's rows were loaded before it.
            sql(
                    db1,
                    "INSERT INTO orders VALUES (6, 6, 'f'), (7, 7, 'g')",
                    "UPDATE orders SET qty = 10 WHERE id <= 2",
                    "DELETE FROM orders WHERE id = 3",
                    "TRUNCATE TABLE orders",
                    "INSERT INTO orders VALUES (1, 100, 'again'), (8, 8, 'h'), (9, 9, 'i')",
                    "UPDATE orders SET note = 'after' WHERE id = 8",
                    "TRUNCATE TABLE customers",
                    "INSERT INTO customers VALUES (2, 'bob again'), (5, 'eve')");
            awaitEqual(p, db1.name() + "\\.customers");
            assertThat(warehouse.query("SELECT id, qty, note FROM " + orders + " ORDER BY id"))
                    .containsExactly("1|100|again", "8|8|after", "9|9|i");

            // Without TABLE, after rows loaded in an earlier checkpoint.
            sql(db1, "INSERT INTO orders VALUES (10, 10, 'j')");
            awaitCount(warehouse, orders, "4");
            sql(db1, "TRUNCATE orders", "INSERT INTO orders VALUES (11, 11, 'k')");
            awaitEqual(p, db1.name() + "\\.customers");
            assertThat(warehouse.query("SELECT id, qty, note FROM " + orders + " ORDER BY id"))
                    .containsExactly("11|11|k");
        }

        assertThat(
                        warehouse.query(
                                "SELECT id, name, CASE WHEN NOT _b2r_deleted OR _b2r_deleted IS"
                                        + " NULL THEN 'live' WHEN _b2r_deleted_at IS NULL THEN"
                                        + " 'deleted, no time' ELSE 'deleted' END FROM "
                                        + customers
                                        + " ORDER BY id"))
                .as("soft delete: rows loaded before the TRUNCATE flagged, later rows live")
                .containsExactly(
                        "1|ann|deleted",
                        "2|bob again|live",
                        "3|cy|deleted",
                        "4|di|deleted",
                        "5|eve|live");
        assertThat(warehouse.query("SELECT id, label FROM " + p.target(db2, "items")))
                .as("a table nobody truncated")
                .containsExactlyInAnyOrder("1|kept", "2|kept too");
        assertThat(
                        warehouse.query(
                                // lower(): on Redshift the DDL text is logged with its names
                                // (keywords too) folded, as the sink names everything there
                                "SELECT lower(ddl) FROM public._b2r_schema_log WHERE target_table"
                                        + " LIKE ? ORDER BY position",
                                "%" + (db1.name() + "__orders").toLowerCase() + "%"))
                .as("each TRUNCATE applied once, though every partition carried a copy")
                .containsExactly("truncate table orders", "truncate orders");
    }

    private static void awaitCount(WarehouseReader warehouse, String table, String count) {
        await().atMost(MAX_WAIT)
                .pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> count.equals(warehouse.one("SELECT count(*) FROM " + table)));
    }

    /**
     * Polls verify until every table of both databases equals its source, the {@code softDelete}
     * tables compared on their live rows.
     */
    private static void awaitEqual(PipelineResources p, String softDelete) {
        AtomicReference<String> last = new AtomicReference<>("(none)");
        try {
            await().atMost(MAX_WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> verify(p, softDelete, last));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "target never equalled the source; last verify report:\n" + last.get(), e);
        }
    }

    private static boolean verify(
            PipelineResources p, String softDelete, AtomicReference<String> report) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--source-url",
                                p.db1().jdbcUrl(),
                                "--source-user",
                                p.db1().user(),
                                "--source-password",
                                p.db1().password(),
                                "--target-url",
                                p.warehouse().jdbcUrl(),
                                "--target-user",
                                p.warehouse().user(),
                                "--tables",
                                "(" + p.db1().name() + "|" + p.db2().name() + ")\\..*",
                                "--soft-delete",
                                softDelete,
                                "--no-progress"));
        if (!p.warehouse().password().isEmpty()) {
            args.addAll(List.of("--target-password", p.warehouse().password()));
        }
        StringWriter out = new StringWriter();
        int code =
                VerifyCommand.run(
                        new PrintWriter(out, true),
                        new PrintWriter(out, true),
                        args.toArray(String[]::new));
        report.set(out.toString());
        return code == 0;
    }
}
