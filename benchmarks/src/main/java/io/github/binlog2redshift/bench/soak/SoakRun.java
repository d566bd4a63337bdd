package io.github.binlog2redshift.bench.soak;

import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import io.github.binlog2redshift.verify.VerifyCommand;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

/**
 * One soak: the local stack, both jobs in one MiniCluster job ({@code cdc-source} into Kafka,
 * {@code redshift-sink} from it, with the given retention), the {@link SoakLoad} for the given
 * minutes, a {@link SoakSample} every sample interval, and every verify interval the load paused
 * until verify finds source and target equal (or the catch-up time is spent), then resumed.
 */
final class SoakRun {

    private static final String JOB = "soak";
    private static final Duration CATCH_UP = Duration.ofMinutes(3);

    private final SoakCommand o;
    private final PrintStream out;

    SoakRun(SoakCommand options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    /** 0: every check equal and nothing grew; 1: a check failed or a series grew; 2: error. */
    int run() throws Exception {
        SoakReport report = new SoakReport(o.out);
        RetentionConfig retention = new RetentionConfig(true, o.horizon, o.pruneInterval);
        try (LocalStack stack = LocalStack.create(o.out.resolve("stack"))) {
            OurSink.initS3(stack);
            MySqlDatabase db = stack.newMySqlDatabase("soak");
            WarehouseDatabase target = o.warehouse.newDatabase(stack, "soak");
            KafkaTopic topic = stack.newTopic("soak", 4);
            String staging = stack.newS3Location("soak").uri("staging/");
            try (SoakLoad load = new SoakLoad(db, o.rate)) {
                SourceConfig source =
                        OurSource.config(
                                OurSource.options(
                                        db,
                                        topic.bootstrapServers(),
                                        topic.name(),
                                        "5900-5903",
                                        "source.parallelism=1",
                                        // the keyless table's snapshot splits on its sequence
                                        "source.chunk-key-columns=" + db.name() + ".events=seq",
                                        "pipeline.parallelism=2",
                                        "pipeline.checkpoint.interval="
                                                + o.checkpoint.toMillis()
                                                + "ms"));
                OurSink.Options sink =
                        new OurSink.Options(
                                topic.bootstrapServers(),
                                Pattern.compile(Pattern.quote(topic.name())),
                                JOB,
                                target,
                                staging,
                                o.checkpoint,
                                4);
                JobClient job =
                        FlinkRunner.start(
                                JOB,
                                FlinkRunner.baseConfig(2),
                                2,
                                e -> {
                                    OurSource.build(e, source);
                                    OurSink.build(e, sink, retention);
                                });
                try {
                    return soak(report, load, job, db, target, staging);
                } finally {
                    FlinkRunner.cancel(job);
                }
            }
        }
    }

    private int soak(
            SoakReport report,
            SoakLoad load,
            JobClient job,
            MySqlDatabase db,
            WarehouseDatabase target,
            String staging)
            throws Exception {
        String schema = db.name();
        waitForSnapshot(target, schema, job);
        SoakSampler sampler = new SoakSampler(JOB, target, schema, staging);
        load.start();
        out.printf("soak: load started at %d ops/s for %d min%n", o.rate, o.minutes);
        long start = System.currentTimeMillis();
        long end = start + Duration.ofMinutes(o.minutes).toMillis();
        long nextSample = start;
        long nextVerify = start + Duration.ofMinutes(o.verifyEvery).toMillis();
        List<Integer> failedRounds = new ArrayList<>();
        int round = 0;
        while (System.currentTimeMillis() < end) {
            if (job.getJobStatus().get() != JobStatus.RUNNING || load.failure() != null) {
                out.println("soak: the job or the load stopped: " + load.failure());
                return 2;
            }
            long now = System.currentTimeMillis();
            if (now >= nextVerify) {
                round++;
                if (!verify(report, load, db, target, round, (now - start) / 1000)) {
                    failedRounds.add(round);
                }
                nextVerify =
                        System.currentTimeMillis() + Duration.ofMinutes(o.verifyEvery).toMillis();
            }
            if (System.currentTimeMillis() >= nextSample) {
                SoakSample s = sampler.sample(load.operations());
                report.add(s);
                out.println("soak: " + s.csv());
                nextSample += o.sampleEvery.toMillis();
            }
            Thread.sleep(1000);
        }
        round++;
        if (!verify(report, load, db, target, round, (System.currentTimeMillis() - start) / 1000)) {
            failedRounds.add(round);
        }
        report.add(sampler.sample(load.operations()));
        return verdict(report, failedRounds, round);
    }

    private int verdict(SoakReport report, List<Integer> failedRounds, int rounds)
            throws Exception {
        Path svg =
                report.plot(
                        "binlog2redshift soak: "
                                + o.minutes
                                + " min at "
                                + o.rate
                                + " ops/s, "
                                + o.warehouse
                                + ", horizon "
                                + o.horizon.toSeconds()
                                + " s");
        long warmup = o.horizon.plus(o.pruneInterval.multipliedBy(2)).toSeconds();
        List<String> growing = report.growing(warmup);
        out.println("soak: plot " + svg + ", samples " + o.out.resolve("soak.csv"));
        out.printf(
                "soak: verify %d of %d checks equal%s%n",
                rounds - failedRounds.size(),
                rounds,
                failedRounds.isEmpty() ? "" : ", failed rounds " + failedRounds);
        if (!report.judged(warmup)) {
            out.println("soak: too short to judge growth (warm-up " + warmup + " s)");
        } else {
            out.println("soak: growth " + (growing.isEmpty() ? "bounded" : "UNBOUNDED " + growing));
        }
        return failedRounds.isEmpty() && growing.isEmpty() ? 0 : 1;
    }

    /** Pauses the load, runs verify until equal or {@link #CATCH_UP} is spent, resumes. */
    private boolean verify(
            SoakReport report,
            SoakLoad load,
            MySqlDatabase db,
            WarehouseDatabase target,
            int round,
            long seconds)
            throws Exception {
        load.pause();
        long paused = System.currentTimeMillis();
        int code;
        String text;
        do {
            Thread.sleep(o.checkpoint.toMillis() * 2);
            StringWriter sw = new StringWriter();
            PrintWriter w = new PrintWriter(sw, true);
            code = VerifyCommand.run(w, w, verifyArgs(db, target));
            text = sw.toString();
        } while (code != 0 && System.currentTimeMillis() - paused < CATCH_UP.toMillis());
        long after = (System.currentTimeMillis() - paused) / 1000;
        report.verified(seconds, round, code, after);
        out.printf("soak: verify round %d: exit %d after %d s%n", round, code, after);
        if (code != 0) {
            out.print(text);
        }
        load.resume();
        return code == 0;
    }

    private String[] verifyArgs(MySqlDatabase db, WarehouseDatabase target) {
        return new String[] {
            "--source-url",
            "jdbc:mysql://"
                    + db.host()
                    + ":"
                    + db.port()
                    + "/?sslMode=DISABLED&allowPublicKeyRetrieval=true",
            "--source-user",
            db.user(),
            "--source-password",
            db.password(),
            "--target-url",
            target.jdbcUrl(),
            "--target-user",
            target.user(),
            "--target-password",
            target.password(),
            "--target-kind",
            target.kind().optionValue(),
            "--table-naming",
            "SCHEMA_PER_DATABASE",
            "--tables",
            Pattern.quote(db.name()) + "\\..*",
            "--no-progress"
        };
    }

    /** Until the seed rows of the keyed tables are in the target: the snapshot is over. */
    private void waitForSnapshot(WarehouseDatabase target, String schema, JobClient job)
            throws Exception {
        long giveUp = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
        long want = (long) SoakLoad.LIVE_ROWS * SoakLoad.KEYED.size();
        while (System.currentTimeMillis() < giveUp) {
            if (job.getJobStatus().get() != JobStatus.RUNNING
                    && job.getJobStatus().get() != JobStatus.CREATED
                    && job.getJobStatus().get() != JobStatus.INITIALIZING) {
                throw new IllegalStateException("the soak job stopped during the snapshot");
            }
            if (seeded(target, schema) >= want) {
                out.println("soak: snapshot applied (" + want + " seed rows)");
                // Flink CDC hands out the binlog split after the snapshot; a TRUNCATE before it
                // fails the source, and the load's first one comes a minute after its start.
                return;
            }
            Thread.sleep(2000);
        }
        throw new IllegalStateException("the snapshot did not reach the target in 5 minutes");
    }

    private static long seeded(WarehouseDatabase target, String schema) {
        long total = 0;
        try (Connection c = target.connect();
                Statement s = c.createStatement()) {
            for (String t : SoakLoad.KEYED) {
                try (ResultSet rs =
                        s.executeQuery("SELECT count(*) FROM \"" + schema + "\".\"" + t + "\"")) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
        } catch (java.sql.SQLException e) {
            return 0; // tables not created yet
        }
        return total;
    }
}
