package io.github.binlog2redshift.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.binlog2redshift.e2e.WarehouseReader.LedgerRow;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import io.github.binlog2redshift.sink.internal.FaultPoints;
import io.github.binlog2redshift.sink.internal.FaultPoints.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sink fails once at each point where a crash changes what must happen next, and Flink's
 * fixed-delay restart brings it back from its last completed checkpoint: after staging (the
 * interval is read and staged again), inside the merge transaction (rolled back, committed again),
 * and after the transaction committed but before Flink learned it (the same committables are
 * committed again and the ledger skips them). Each time the target ends equal to the source and
 * every checkpoint's batch is in the ledger once. Had the ledger check not skipped a replayed
 * committable, its ledger row would break the ledger's primary key, the job would fail on every
 * restart and the final RUNNING check would fail.
 */
@ExtendWith(LocalStackExtension.class)
class ExactlyOnceITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = EndToEndCluster.extension();

    /** A crash point of the sink, as armed in {@link FaultPoints}. */
    enum Fault {
        AFTER_STAGING(Point.AFTER_STAGING, null),
        IN_TRANSACTION(Point.BEFORE_STEP, "insert-newer"),
        AFTER_COMMIT(Point.AFTER_COMMIT, null);

        final Point point;
        final String step;

        Fault(Point point, String step) {
            this.point = point;
            this.step = step;
        }
    }

    /** Every fault on every warehouse. */
    static Stream<Arguments> faults() {
        return Stream.of(Warehouse.values())
                .flatMap(w -> Stream.of(Fault.values()).map(f -> Arguments.of(w, f)));
    }

    @ParameterizedTest(name = "{0}: sink killed {1}")
    @MethodSource("faults")
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void restartsFromItsCheckpointAndAppliesEachBatchOnce(
            Warehouse target,
            Fault fault,
            LocalStack stack,
            MySqlDatabase db1,
            MySqlDatabase db2,
            @Partitions(3) KafkaTopic topic,
            S3Location s3)
            throws Exception {
        PipelineResources p =
                PipelineResources.of(
                        stack, db1, db2, topic, s3, target.newDatabase(stack, "warehouse"));
        Workload workload = new Workload(p);
        workload.createWithSnapshotRows();
        // Armed before the start: the first checkpoint that stages anything crashes.
        FaultPoints.arm(p.jobId(), fault.point, fault.step);
        try (PipelineJobs jobs = new PipelineJobs()) {
            JobClient source = jobs.startSource(JobConfigs.source(p));
            JobClient sink = jobs.startSink(JobConfigs.sink(p));
            await().atMost(PipelineITCase.MAX_WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(
                            () -> {
                                // a failed source would only show as a timeout here
                                assertThat(source.getJobStatus().get())
                                        .as("cdc-source job")
                                        .isNotEqualTo(JobStatus.FAILED);
                                return FaultPoints.fired(p.jobId()) == 1;
                            });

            workload.changes();
            workload.insertEvents(5);
            Verification.awaitEqual(p, PipelineITCase.MAX_WAIT);

            assertThat(sink.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(FaultPoints.fired(p.jobId())).isEqualTo(1);
            List<LedgerRow> ledger = new WarehouseReader(p.warehouse()).ledger(p.jobId());
            PipelineITCase.assertLedger(ledger, p, workload.events());
        } finally {
            FaultPoints.disarm(p.jobId());
        }
    }

    /**
     * A fresh sink job (new consumer group, same sink job id, new checkpoint ids and staging ids)
     * reading the whole topic from the earliest offset: every replayed change is older than or
     * equal to what the target holds, so every table, tombstones included, stays exactly as it was.
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void replayingTheWholeTopicChangesNothing(
            Warehouse target,
            LocalStack stack,
            MySqlDatabase db1,
            MySqlDatabase db2,
            @Partitions(3) KafkaTopic topic,
            S3Location s3)
            throws Exception {
        PipelineResources p =
                PipelineResources.of(
                        stack, db1, db2, topic, s3, target.newDatabase(stack, "warehouse"));
        Workload workload = new Workload(p);
        workload.createWithSnapshotRows();
        WarehouseReader warehouse = new WarehouseReader(p.warehouse());
        try (PipelineJobs jobs = new PipelineJobs()) {
            JobClient source = jobs.startSource(JobConfigs.source(p));
            JobClient sink = jobs.startSink(JobConfigs.sink(p));
            await().atMost(PipelineITCase.MAX_WAIT)
                    .ignoreExceptions()
                    .until(() -> warehouse.tableExists("public", "_b2r_commit_ledger"));
            workload.changes();
            Verification.awaitEqual(p, PipelineITCase.MAX_WAIT);
            // Only the replay may write from here on, and the topic must not grow under it.
            sink.cancel().get();
            source.cancel().get();
            List<String> before = contents(warehouse, p);
            int ledgerBefore = warehouse.ledger(p.jobId()).size();

            // Small batches, so older changes of a key meet newer rows already in the target.
            PipelineJobs.runBoundedSink(
                    JobConfigs.sink(
                            p,
                            "kafka.group-id=" + p.jobId() + "-replay",
                            "kafka.max-records-per-checkpoint=16",
                            "pipeline.checkpoint.interval=200ms"));

            assertThat(contents(warehouse, p)).isEqualTo(before);
            List<LedgerRow> ledger = warehouse.ledger(p.jobId());
            assertThat(ledger.size() - ledgerBefore)
                    .as("ledger rows of the replay, several checkpoints")
                    .isGreaterThan(5);
            assertThat(
                            ledger.stream()
                                    .map(
                                            r ->
                                                    r.table()
                                                            + "@"
                                                            + r.checkpointId()
                                                            + "/"
                                                            + r.stagingId()))
                    .doesNotHaveDuplicates();
            assertThat(Verification.run(p).equal()).isTrue();
        }
    }

    /** Every target and tombstone table, all columns, in key order, as text. */
    private static List<String> contents(WarehouseReader w, PipelineResources p) throws Exception {
        List<String> all = new ArrayList<>();
        String[][] tables = {
            {p.db1().name(), "customers", "id"},
            {p.db1().name(), "order_lines", "order_id, line_no"},
            {p.db1().name(), "events", "id"},
            {p.db2().name(), "customers", "id"},
            {p.db2().name(), "items", "sku"}
        };
        for (String[] t : tables) {
            String name = (t[0] + "__" + t[1]).toLowerCase();
            for (String suffix : new String[] {"", "_b2r_deleted"}) {
                all.add("-- " + name + suffix);
                all.addAll(w.rows("public.\"" + name + suffix + "\"", t[2]));
            }
        }
        return all;
    }
}
