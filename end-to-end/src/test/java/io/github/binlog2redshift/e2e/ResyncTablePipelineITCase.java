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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Re-syncing one table while the others keep flowing, as docs/cdc-source.md "Re-syncing a table"
 * describes: the target of {@code t} is corrupted (rows changed, rows missing, rows the source
 * never had, a stale tombstone) while {@code a} and {@code t} change under load; cdc-source is
 * resumed once without {@code t} and once with it again (each from a savepoint), so {@code t} is
 * snapshotted anew, in five chunks. The chunks' key ranges remove the rows the source no longer has
 * (deleted while {@code t} was out, or never there): no step by hand. verify then finds every table
 * equal.
 */
@ExtendWith(LocalStackExtension.class)
class ResyncTablePipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    private static final Duration MAX_WAIT = Duration.ofSeconds(120);

    @TempDir Path savepoints;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void resyncedTableConvergesOnTheSourceUnderLoad(
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
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE a (id BIGINT PRIMARY KEY, v INT)");
        s.add("CREATE TABLE t (id INT PRIMARY KEY, v INT, note VARCHAR(40))");
        for (int i = 1; i <= 200; i++) {
            s.add("INSERT INTO t VALUES (" + i + ", 0, 'row " + i + "')");
        }
        s.add("INSERT INTO a VALUES (1, 0)");
        sql(db1, s.toArray(String[]::new));
        String db = db1.name();
        String t = p.target(db1, "t");
        String tomb = "public.\"" + (db + "__t_b2r_deleted").toLowerCase() + "\"";
        try (PipelineJobs jobs = new PipelineJobs();
                Load load = new Load(db1)) {
            JobClient source = jobs.startSource(source(p, db + "\\.(a|t)"));
            jobs.startSink(JobConfigs.sink(p));
            sql(db1, "DELETE FROM t WHERE id = 200"); // the tombstone table exists from here on
            Verification.awaitEqual(p, MAX_WAIT);
            load.start();
            await().atMost(MAX_WAIT).until(() -> load.rounds() > 50);

            try (Connection c = p.warehouse().connect();
                    Statement st = c.createStatement()) {
                st.execute("UPDATE " + t + " SET v = -1 WHERE id <= 20");
                st.execute("DELETE FROM " + t + " WHERE id BETWEEN 100 AND 109");
                st.execute(
                        "INSERT INTO "
                                + tomb
                                + " (id, _b2r_pos) SELECT id, _b2r_pos FROM "
                                + t
                                + " WHERE id BETWEEN 110 AND 112");
                st.execute("DELETE FROM " + t + " WHERE id BETWEEN 110 AND 112");
                st.execute(
                        "INSERT INTO "
                                + t
                                + " (id, v, note, _b2r_pos) VALUES (5000, 1, 'never in the"
                                + " source', '000000000001:00000000000000000004:000000')");
            }
            // rows the source deletes while t is not captured: the target keeps them
            sql(db1, "DELETE FROM t WHERE id BETWEEN 150 AND 154");

            // 1. resume without t, 2. resume with t again
            String sp1 = stop(source);
            source = jobs.resumeSource(source(p, db + "\\.a"), sp1);
            awaitRunningCheckpoint(load);
            String sp2 = stop(source);
            String before = PipelineResources.binlogPosition(db1).sortKey();
            jobs.resumeSource(source(p, db + "\\.(a|t)"), sp2);

            int roundsAtResume = load.rounds();
            await().atMost(MAX_WAIT).until(() -> load.rounds() > roundsAtResume + 100);
            load.close();
            Verification.awaitEqual(p, MAX_WAIT);
            WarehouseReader warehouse = new WarehouseReader(p.warehouse());
            assertThat(warehouse.one("SELECT COUNT(*) FROM " + t + " WHERE id = 5000"))
                    .isEqualTo("0");
            // every row of t was written again at or above the position read before the resume
            assertThat(
                            warehouse.one(
                                    "SELECT COUNT(*) FROM "
                                            + t
                                            + " WHERE _b2r_pos < '"
                                            + before
                                            + "'"))
                    .isEqualTo("0");
            String ranges = t.substring(0, t.length() - 1) + "_b2r_ranges\"";
            assertThat(
                            Integer.parseInt(
                                    warehouse.one(
                                            "SELECT COUNT(DISTINCT range_from) FROM "
                                                    + ranges
                                                    + " WHERE _b2r_pos >= '"
                                                    + before
                                                    + "'")))
                    .as("one range per chunk of t's second snapshot, the first open below")
                    .isGreaterThanOrEqualTo(4);
        }
    }

    private static io.github.binlog2redshift.config.source.SourceConfig source(
            PipelineResources p, String tables) {
        return JobConfigs.source(
                p,
                "source.database-list=" + p.db1().name(),
                "source.table-list=" + tables,
                "source.scan-newly-added-tables=true",
                // several chunks of t, so that their key ranges are tested, not the whole table's
                "source.snapshot.chunk-size=40");
    }

    private String stop(JobClient job) throws Exception {
        return job.stopWithSavepoint(
                        false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(60, TimeUnit.SECONDS);
    }

    /** A few seconds of load with the job running, so its state has settled. */
    private static void awaitRunningCheckpoint(Load load) {
        int at = load.rounds();
        await().atMost(MAX_WAIT).until(() -> load.rounds() > at + 100);
    }

    /** The server's current binlog position, as cdc-source's CDC user reads it. */
    /** One round every few ms: a new row of {@code a}; in {@code t} an update, a new row. */
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
            thread = new Thread(this::run, "resync-load");
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
                    s.execute("INSERT INTO a VALUES (" + (1 + i) + ", " + i + ")");
                    s.execute("UPDATE t SET v = v + 1 WHERE id = " + (i % 100 + 1));
                    s.execute("INSERT INTO t VALUES (" + (10_000 + i) + ", " + i + ", 'new')");
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
