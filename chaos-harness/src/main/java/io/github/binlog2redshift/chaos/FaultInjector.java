package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.standalone.StandaloneCluster;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Waits for the phase a run's fault aims at, fires the fault, and does what a supervisor or an
 * operator does next: a killed process is started again, a stopped service after its outage, and
 * after a JobManager kill both jobs are resubmitted from their latest retained checkpoints (Flink's
 * own recovery; no state of the harness is involved).
 */
final class FaultInjector {
    /** How long an aimed fault waits for its signal before it fires anyway (and says so). */
    private static final Duration AIM_TIMEOUT = Duration.ofSeconds(30);

    /** What a supervisor waits before it starts a killed Flink process again. */
    private static final Duration RESTART_DELAY = Duration.ofSeconds(2);

    /** When and how the fault fired, and what was resubmitted after it. */
    record Fired(long atMillis, String how, List<String> resubmitted) {}

    private final LocalStack stack;
    private final StandaloneCluster cluster;
    private final JobControl jobs;
    private final PhaseSignals signals;
    private final ChaosOptions options;

    FaultInjector(
            LocalStack stack,
            StandaloneCluster cluster,
            JobControl jobs,
            PhaseSignals signals,
            ChaosOptions options) {
        this.stack = stack;
        this.cluster = cluster;
        this.jobs = jobs;
        this.signals = signals;
        this.options = options;
    }

    /**
     * Aims, fires and recovers; {@code loadStart} is System.nanoTime() when the load started, and
     * every fault but the snapshot ones waits for {@code ddlDone}.
     */
    Fired run(RunPlan plan, long loadStart, BooleanSupplier ddlDone) throws InterruptedException {
        String how = aim(plan, loadStart, ddlDone);
        long at = System.currentTimeMillis();
        List<String> resubmitted = fire(plan.fault());
        return new Fired(at, how, resubmitted);
    }

    private String aim(RunPlan plan, long loadStart, BooleanSupplier ddlDone)
            throws InterruptedException {
        FaultKind fault = plan.fault();
        if (fault.duringSnapshot()) {
            long target = Math.round(plan.snapshotShare() * options.snapshotRows);
            boolean reached =
                    waitFor(
                            () -> signals.topicRecords() >= target || signals.snapshotFinished(),
                            Duration.ofSeconds(options.catchUpSeconds));
            if (signals.snapshotFinished()) {
                return "the snapshot ended before the aim: fired after it";
            }
            return (reached ? "" : "timed out; ")
                    + "topic at "
                    + signals.topicRecords()
                    + " of "
                    + options.snapshotRows
                    + " snapshot rows";
        }
        long waitUntil = loadStart + (long) (plan.faultAtSeconds() * 1e9);
        Thread.sleep(Math.max(0, (waitUntil - System.nanoTime()) / 1_000_000));
        // Every other fault lands in the binlog phase, under the load on every table, after the
        // column changes (docs/chaos.md, Findings).
        waitFor(ddlDone, Duration.ofSeconds(options.catchUpSeconds));
        BooleanSupplier signal;
        String what;
        switch (fault) {
            case TASKMANAGER_KILL_STAGING -> {
                signals.newStagedObject(); // what is there already is not new
                signal = signals::newStagedObject;
                what = "a new staged object";
            }
            case TASKMANAGER_KILL_COPY -> {
                signal = () -> signals.warehouseRunning("COPY %");
                what = "a COPY running";
            }
            case TASKMANAGER_KILL_AFTER_MERGE -> {
                long before = signals.ledgerRows();
                signal = () -> signals.ledgerRows() > before;
                what = "a new commit-ledger row (" + before + " before)";
            }
            case WAREHOUSE_RESTART -> {
                signal = signals::warehouseTransactionOpen;
                what = "a warehouse transaction open";
            }
            default -> {
                return "at the drawn time";
            }
        }
        return waitFor(signal, AIM_TIMEOUT)
                ? "on " + what
                : "no " + what + " within " + AIM_TIMEOUT.toSeconds() + " s: fired at the timeout";
    }

    private List<String> fire(FaultKind fault) throws InterruptedException {
        switch (fault) {
            case JOBMANAGER_KILL_SNAPSHOT, JOBMANAGER_KILL_BINLOG -> {
                cluster.killJobManager();
                Thread.sleep(RESTART_DELAY.toMillis());
                cluster.restartJobManager();
                return jobs.resubmitFromLatestCheckpoints();
            }
            case KAFKA_RESTART -> {
                stack.kafka().stop();
                Thread.sleep(options.outageSeconds * 1000L);
                stack.kafka().restart();
            }
            case S3_OUTAGE -> {
                stack.s3().stop();
                Thread.sleep(options.s3OutageSeconds * 1000L);
                stack.s3().restart();
            }
            case WAREHOUSE_RESTART -> {
                stack.postgres().stop();
                Thread.sleep(options.outageSeconds * 1000L);
                stack.postgres().restart();
            }
            case MARIADB_RESTART -> {
                stack.mariaDb().stop();
                Thread.sleep(options.outageSeconds * 1000L);
                stack.mariaDb().restart();
            }
            default -> {
                cluster.killTaskManager();
                Thread.sleep(RESTART_DELAY.toMillis());
                cluster.restartTaskManager();
            }
        }
        return List.of();
    }

    private static boolean waitFor(BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
