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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bursts of schema changes on one table (issue 15): ADD, MODIFY (widen), CHANGE (rename and widen)
 * and DROP of a column, once an INT to BIGINT, rows written between each, all within one checkpoint
 * interval, at sink parallelism 2, so the DDL reaches one subtask while rows staged under every
 * intermediate shape reach both. The sink runs without any restart ({@code
 * pipeline.restart-strategy=NONE}) and without retries of a table's own errors ({@code
 * sink.commit.max-retries=0}): a subtask that committed against a shape another subtask's DDL had
 * not reached yet, or had passed, would fail the job or quarantine the table, instead of being
 * hidden by a retry. Serialization conflicts are still waited out (they are not errors of the
 * apply: {@code WarehouseSession}).
 */
@ExtendWith(LocalStackExtension.class)
class DdlBurstPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    private static final Duration MAX_WAIT = Duration.ofSeconds(90);
    private static final int BURSTS = 3;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void burstsOfColumnChangesApplyWithoutAFailedTaskOrARetry(
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
        String composite = p.target(db1, "composite");
        List<String> setup = new ArrayList<>();
        setup.add(
                "CREATE TABLE composite (a INT, b VARCHAR(10), v INT, note VARCHAR(20),"
                        + " PRIMARY KEY (a, b))");
        for (int i = 1; i <= 20; i++) {
            setup.add("INSERT INTO composite VALUES (" + i + ", 'k" + i + "', " + i + ", 'n')");
        }
        sql(db1, setup.toArray(String[]::new));
        try (PipelineJobs jobs = new PipelineJobs()) {
            jobs.startSource(JobConfigs.source(p));
            JobClient sink =
                    jobs.startSink(
                            JobConfigs.sink(
                                    p,
                                    "pipeline.restart-strategy=NONE",
                                    "sink.commit.max-retries=0"));
            // DDL only once the binlog is read (Flink CDC fails on DDL during its snapshot).
            await().atMost(MAX_WAIT)
                    .pollInterval(Duration.ofMillis(300))
                    .ignoreExceptions()
                    .until(() -> "20".equals(warehouse.one("SELECT count(*) FROM " + composite)));
            for (int burst = 1; burst <= BURSTS; burst++) {
                sql(db1, burst(burst).toArray(String[]::new));
            }
            Verification.awaitEqual(p, MAX_WAIT);
            assertThat(sink.getJobStatus().get(10, TimeUnit.SECONDS))
                    .as("the sink never failed (no restart strategy)")
                    .isEqualTo(JobStatus.RUNNING);
            // rows changed after the bursts still flow: nothing was quarantined
            sql(
                    db1,
                    "UPDATE composite SET v = -1 WHERE a = 1",
                    "DELETE FROM composite WHERE a = 2");
            Verification.awaitEqual(p, MAX_WAIT);
            assertThat(sink.getJobStatus().get(10, TimeUnit.SECONDS)).isEqualTo(JobStatus.RUNNING);
        }
        assertThat(warehouse.query("SELECT a, v FROM " + composite + " WHERE a <= 3 ORDER BY a"))
                .containsExactly("1|-1", "3|" + (3 + 100 * BURSTS));
        // a dropped column is kept (sink.schema.drop-column default) with the values written
        // before the DROP: the 300 characters inserted after MODIFY widened it fit
        assertThat(warehouse.one("SELECT max(length(renamed_1)) FROM " + composite))
                .isEqualTo("300");
    }

    /**
     * One burst: a column added narrow, widened, renamed and widened again, dropped, with inserts,
     * updates and a delete between the statements, then a row without it; column names differ per
     * burst.
     */
    private static List<String> burst(int n) {
        String added = "added_" + n;
        String renamed = "renamed_" + n;
        int base = 100 * n;
        List<String> s = new ArrayList<>();
        s.add("ALTER TABLE composite ADD COLUMN " + added + " VARCHAR(5)");
        s.add(insert(base + 1, added, "'abcde'"));
        s.add("UPDATE composite SET v = v + 100, " + added + " = 'u' WHERE a = 3");
        s.add("ALTER TABLE composite MODIFY COLUMN " + added + " VARCHAR(500)");
        s.add(insert(base + 2, added, "REPEAT('m', 300)"));
        s.add("UPDATE composite SET " + added + " = REPEAT('w', 200) WHERE a = " + (base + 1));
        s.add("ALTER TABLE composite CHANGE COLUMN " + added + " " + renamed + " VARCHAR(600)");
        s.add(insert(base + 3, renamed, "REPEAT('r', 300)"));
        s.add("UPDATE composite SET note = 'after rename' WHERE a = " + (base + 2));
        s.add("DELETE FROM composite WHERE a = " + (base + 1));
        if (n == 2) {
            // a type change Redshift makes by copy (temporary column, copy, drop, rename)
            s.add("ALTER TABLE composite MODIFY COLUMN v BIGINT");
            s.add("UPDATE composite SET v = 10000000000 WHERE a = 4");
        }
        s.add("ALTER TABLE composite DROP COLUMN " + renamed);
        s.add("INSERT INTO composite (a, b, v, note) VALUES (" + (base + 4) + ", 'x', 4, 'd')");
        return s;
    }

    private static String insert(int a, String column, String value) {
        return "INSERT INTO composite (a, b, v, note, "
                + column
                + ") VALUES ("
                + a
                + ", 'b"
                + a
                + "', "
                + a
                + ", 'n', "
                + value
                + ")";
    }
}
