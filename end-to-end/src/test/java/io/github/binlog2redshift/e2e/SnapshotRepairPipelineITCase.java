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
import java.sql.Connection;
import java.sql.Statement;
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
 * A fresh snapshot repairs a target whose rows went wrong (issue 15): snapshot rows carry their
 * chunk's high watermark, so they are newer than every change the target holds from before the
 * snapshot. The target's rows are changed behind the sink's back (rows last written by the binlog
 * and rows last written by the first snapshot), deleted, and deleted with a tombstone at their
 * position; a second cdc-source run from scratch (the initial snapshot again, same topic) while the
 * table keeps changing brings it back to the source's rows. With snapshot rows at position (0,0,0)
 * the binlog-written rows and the tombstoned rows stayed wrong. Rows the source changes while no
 * cdc-source runs (its state lost) are repaired by the snapshot, and rows it deletes then (no event
 * deletes them) are removed by the snapshot chunk's key range: no step by hand.
 */
@ExtendWith(LocalStackExtension.class)
class SnapshotRepairPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    private static final Duration MAX_WAIT = Duration.ofSeconds(90);

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void freshSnapshotOverwritesStaleRowsAndTombstones(
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
        s.add("CREATE TABLE t (id INT PRIMARY KEY, v INT, note VARCHAR(40))");
        for (int i = 1; i <= 100; i++) {
            s.add("INSERT INTO t VALUES (" + i + ", 0, 'row " + i + "')");
        }
        sql(db1, s.toArray(String[]::new));
        String[] sourceSettings = {
            "source.database-list=" + db1.name(), "source.table-list=" + db1.name() + "\\.t"
        };
        String t = p.target(db1, "t");
        String tomb = "public.\"" + (db1.name() + "__t_b2r_deleted").toLowerCase() + "\"";
        try (PipelineJobs jobs = new PipelineJobs()) {
            JobClient first = jobs.startSource(JobConfigs.source(p, sourceSettings));
            jobs.startSink(JobConfigs.sink(p));
            Verification.awaitEqual(p, MAX_WAIT);
            sql(
                    db1,
                    "UPDATE t SET v = 1 WHERE id <= 10",
                    "UPDATE t SET v = 1 WHERE id = 31",
                    "DELETE FROM t WHERE id = 100");
            Verification.awaitEqual(p, MAX_WAIT);
            first.cancel().get(30, TimeUnit.SECONDS);
            // Flink CDC closes the JVM's connection pools when a source stops (PipelineJobs)
            await().atMost(MAX_WAIT)
                    .until(() -> first.getJobStatus().get().isGloballyTerminalState());

            try (Connection c = p.warehouse().connect();
                    Statement st = c.createStatement()) {
                // rows last written by the binlog, by the snapshot; missing rows; tombstoned rows
                st.execute("UPDATE " + t + " SET v = -1 WHERE id <= 5");
                st.execute("UPDATE " + t + " SET v = -2 WHERE id BETWEEN 50 AND 55");
                st.execute("DELETE FROM " + t + " WHERE id BETWEEN 20 AND 24");
                st.execute(
                        "INSERT INTO "
                                + tomb
                                + " (id, _b2r_pos) SELECT id, _b2r_pos FROM "
                                + t
                                + " WHERE id BETWEEN 30 AND 32");
                st.execute("DELETE FROM " + t + " WHERE id BETWEEN 30 AND 32");
            }
            assertThat(Verification.run(p).equal()).as("target corrupted").isFalse();
            // the source changes while no cdc-source reads it (its state is then lost): rows
            // changed and rows deleted in the gap
            sql(
                    db1,
                    "UPDATE t SET v = 7, note = 'changed in the gap' WHERE id BETWEEN 60 AND 64",
                    "DELETE FROM t WHERE id BETWEEN 70 AND 74");
            String s0 = PipelineResources.binlogPosition(db1).sortKey();

            jobs.startSource(JobConfigs.source(p, sourceSettings));
            // changes while the second snapshot runs and after it: newer than its rows
            try (Connection c = db1.connect();
                    Statement st = c.createStatement()) {
                for (int i = 1; i <= 150; i++) {
                    st.execute("UPDATE t SET v = v + 1 WHERE id = " + (i % 100 + 1));
                    Thread.sleep(5);
                }
            }
            // The snapshot has reached the target once every row the source has (ids 1..99 but
            // 70..74) carries a position at or above S0; the snapshot's chunk range (one chunk, the
            // whole table) has then removed the rows deleted in the gap, which no event deletes.
            WarehouseReader warehouse = new WarehouseReader(p.warehouse());
            ResnapshotCleanup.awaitSnapshot(p, t, "TRUE", s0, 99 - 5, MAX_WAIT);
            assertThat(
                            warehouse.query(
                                    "SELECT DISTINCT note FROM "
                                            + t
                                            + " WHERE id BETWEEN 60 AND 64"))
                    .as("rows changed in the gap: repaired by the snapshot")
                    .containsExactly("changed in the gap");
            Verification.awaitEqual(p, MAX_WAIT);
            assertThat(warehouse.one("SELECT COUNT(*) FROM " + t + " WHERE id BETWEEN 70 AND 74"))
                    .as("rows deleted in the gap: removed by the snapshot's chunk range")
                    .isEqualTo("0");
            assertThat(
                            warehouse.one(
                                    "SELECT COUNT(*) FROM " + t + " WHERE _b2r_pos < '" + s0 + "'"))
                    .as("no row older than the second snapshot is left")
                    .isEqualTo("0");
        }
    }
}
