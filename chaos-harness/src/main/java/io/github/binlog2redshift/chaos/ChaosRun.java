package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import io.github.binlog2redshift.standalone.FlinkCli;
import io.github.binlog2redshift.standalone.FlinkHome;
import io.github.binlog2redshift.standalone.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One run: on the batch's local stack, a new database, topic, staging prefix and warehouse database
 * (of the plan's warehouse), the source tables, both packaged jobs on a new standalone cluster, the
 * load, the fault, then catch-up and the comparison of every table.
 */
final class ChaosRun {
    private static final int PARTITIONS = 4;

    /** After the first match, the comparison is repeated this much later: a late replay shows. */
    private static final long SETTLE_MILLIS = 6_000;

    /** Load on every table after the snapshot's end, at the least. */
    private static final double PHASE_TWO_SECONDS = 20;

    /** ADD, MODIFY, ADD, MODIFY COLUMN on {@code orders}, this far apart. */
    private static final int DDL_STATEMENTS = 4;

    private static final double DDL_SPACING_SECONDS = 1.5;

    /** The binlog reader starts within this after the enumerator logs the snapshot's end. */
    private static final double BINLOG_READER_START_SECONDS = 5;

    private final ChaosOptions options;
    private final RunPlan plan;
    private final Path workDir;
    private final LocalStack stack;
    private volatile double snapshotEnded = -1;
    private volatile int ddlDone;
    private double lastDdl = -DDL_SPACING_SECONDS;

    ChaosRun(ChaosOptions options, RunPlan plan, Path workDir, LocalStack stack) {
        this.stack = stack;
        this.options = options;
        this.plan = plan;
        this.workDir = workDir;
    }

    RunResult run() throws Exception {
        Files.createDirectories(workDir);
        MySqlDatabase db = stack.newMySqlDatabase("chaos");
        SourceSchema.create(stack.mySql(), db, options.snapshotRows);
        KafkaTopic topic = stack.newTopic("chaos", PARTITIONS);
        stack.kafka().createTopic(topic.name() + ".dlq", 1);
        S3Location s3 = stack.newS3Location("chaos");
        WarehouseDatabase warehouse = plan.warehouse().newDatabase(stack, "chaos");
        ChaosSettings settings =
                new ChaosSettings(stack, db, topic, s3, warehouse, plan.atLeastOnce());
        stack.kafka().createTopic(settings.sinkJobId() + ".dlq", 1);
        Path source = settings.writeSource(workDir.resolve("cdc-source.properties"));
        Path sink = settings.writeSink(workDir.resolve("redshift-sink.properties"));
        FlinkHome home = FlinkHome.create(workDir.resolve("flink"), settings.cluster());
        try (StandaloneCluster cluster =
                        StandaloneCluster.start(
                                home,
                                settings.restPort(),
                                ChaosSettings.SLOTS,
                                workDir.resolve("flink-logs"));
                S3Client s3Client = stack.s3().newClient();
                Admin admin =
                        Admin.create(
                                Map.<String, Object>of(
                                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        topic.bootstrapServers()))) {
            JobControl jobs =
                    new JobControl(new FlinkCli(home), cluster.rest(), s3Client, s3, source, sink);
            PhaseSignals signals =
                    new PhaseSignals(
                            cluster.jobManagerLog(),
                            admin,
                            topic.name(),
                            PARTITIONS,
                            stack.postgres(),
                            warehouse.name(),
                            s3Client,
                            new S3Location(s3.bucket(), s3.prefix() + "staging/"));
            jobs.submit();
            return underLoad(stack, cluster, jobs, signals, db, warehouse, sink);
        }
    }

    private RunResult underLoad(
            LocalStack stack,
            StandaloneCluster cluster,
            JobControl jobs,
            PhaseSignals signals,
            MySqlDatabase db,
            WarehouseDatabase warehouse,
            Path sinkProperties)
            throws Exception {
        MixedLoad load = new MixedLoad(db, plan.loadSeed(), options.rate, options.snapshotRows);
        long loadStart = System.nanoTime();
        long loadStartMillis = System.currentTimeMillis();
        load.start();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleWithFixedDelay(
                () -> {
                    double s = seconds(loadStart);
                    if (snapshotEnded < 0 && signals.snapshotFinished()) {
                        snapshotEnded = s;
                        load.snapshotDone();
                    }
                    // Flink CDC fails on a column change made while it snapshots
                    // (docs/cdc-source.md), and a restore to a checkpoint taken before its
                    // binlog reader ran fails on one made since (docs/chaos.md, Findings): the
                    // DDL waits for a cdc-source checkpoint taken with the binlog reader running.
                    if (ddlDone < DDL_STATEMENTS
                            && s >= lastDdl + DDL_SPACING_SECONDS
                            && binlogCheckpointed(jobs, loadStartMillis)) {
                        lastDdl = s;
                        ddlDone++;
                        load.requestDdl();
                    }
                },
                0,
                200,
                TimeUnit.MILLISECONDS);
        FaultInjector.Fired fired;
        double recovered;
        try {
            fired =
                    new FaultInjector(stack, cluster, jobs, signals, options)
                            .run(plan, loadStart, () -> ddlDone >= DDL_STATEMENTS);
            recovered = awaitRecovery(jobs, fired.atMillis());
            long loadEnd =
                    Math.max(
                            loadStart + options.loadSeconds * 1_000_000_000L,
                            System.nanoTime() + 5_000_000_000L);
            Thread.sleep(Math.max(0, (loadEnd - System.nanoTime()) / 1_000_000));
            // A snapshot restarted by the fault may end late: the tables written only after it
            // still get PHASE_TWO_SECONDS of load, DDL included.
            long snapshotDeadline = System.nanoTime() + options.catchUpSeconds * 1_000_000_000L;
            while (snapshotEnded < 0 && System.nanoTime() < snapshotDeadline) {
                Thread.sleep(250);
            }
            double phaseTwoLeft = snapshotEnded + PHASE_TWO_SECONDS - seconds(loadStart);
            if (snapshotEnded >= 0 && phaseTwoLeft > 0) {
                Thread.sleep((long) (phaseTwoLeft * 1000));
            }
        } finally {
            load.stop();
            ticker.shutdownNow();
        }
        double faultAt = (fired.atMillis() - loadStartMillis) / 1e3;
        String how =
                fired.how() + (fired.resubmitted().isEmpty() ? "" : "; " + fired.resubmitted());
        Optional<String> ended = jobs.ended();
        if (snapshotEnded < 0) {
            // The keyless, history and archive tables then got no load: nothing was proven.
            ended = Optional.of("the end of the snapshot was never seen in the JobManager's log");
        }
        if (recovered < 0 || ended.isPresent()) {
            return result(
                    fired,
                    how,
                    faultAt,
                    recovered,
                    -1,
                    load,
                    List.of(),
                    ended.orElse("the jobs did not recover within --catch-up-seconds"));
        }
        return catchUp(jobs, db, warehouse, sinkProperties, fired, how, faultAt, recovered, load);
    }

    private RunResult catchUp(
            JobControl jobs,
            MySqlDatabase db,
            WarehouseDatabase warehouse,
            Path sinkProperties,
            FaultInjector.Fired fired,
            String how,
            double faultAt,
            double recovered,
            MixedLoad load)
            throws InterruptedException {
        long deadline = System.nanoTime() + options.catchUpSeconds * 1_000_000_000L;
        List<TableCounts> counts = compare(db, warehouse, sinkProperties);
        while (!counts.stream().allMatch(TableCounts::exact) && System.nanoTime() < deadline) {
            Optional<String> ended = jobs.ended();
            if (ended.isPresent()) {
                return result(fired, how, faultAt, recovered, -1, load, counts, ended.get());
            }
            Thread.sleep(2_000);
            counts = compare(db, warehouse, sinkProperties);
        }
        double caughtUp =
                counts.stream().allMatch(TableCounts::exact)
                        ? (System.currentTimeMillis() - fired.atMillis()) / 1e3
                        : -1;
        if (caughtUp >= 0) {
            Thread.sleep(SETTLE_MILLIS);
            counts = compare(db, warehouse, sinkProperties);
        }
        List<String> untouched =
                counts.stream().filter(t -> t.sourceRows() == 0).map(TableCounts::table).toList();
        String failure =
                jobs.ended()
                        .orElse(
                                untouched.isEmpty()
                                        ? null
                                        : "tables the load never reached (nothing proven): "
                                                + untouched);
        return result(fired, how, faultAt, recovered, caughtUp, load, counts, failure);
    }

    private List<TableCounts> compare(
            MySqlDatabase db, WarehouseDatabase warehouse, Path sinkProperties) {
        List<TableCounts> counts =
                new ArrayList<>(
                        VerifyReport.compare(
                                db,
                                warehouse,
                                sinkProperties,
                                workDir.resolve("verify-report.txt")));
        counts.addAll(SideTables.compare(db, warehouse));
        return counts;
    }

    private boolean binlogCheckpointed(JobControl jobs, long loadStartMillis) {
        if (snapshotEnded < 0) {
            return false;
        }
        long readerStarted =
                loadStartMillis + (long) ((snapshotEnded + BINLOG_READER_START_SECONDS) * 1000);
        try {
            return jobs.sourceCheckpointAfter(readerStarted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private double awaitRecovery(JobControl jobs, long sinceMillis) throws InterruptedException {
        long deadline = System.nanoTime() + options.catchUpSeconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (jobs.runningWithCheckpointAfter(sinceMillis)) {
                return (System.currentTimeMillis() - sinceMillis) / 1e3;
            }
            if (jobs.ended().isPresent()) {
                return -1;
            }
            Thread.sleep(250);
        }
        return -1;
    }

    private RunResult result(
            FaultInjector.Fired fired,
            String how,
            double faultAt,
            double recovered,
            double caughtUp,
            MixedLoad load,
            List<TableCounts> counts,
            String failure) {
        return new RunResult(
                plan.seed(),
                plan.fault(),
                plan.warehouse().optionValue(),
                plan.delivery(),
                how,
                faultAt,
                snapshotEnded,
                recovered,
                caughtUp,
                load.transactions(),
                load.failures(),
                counts,
                failure);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
