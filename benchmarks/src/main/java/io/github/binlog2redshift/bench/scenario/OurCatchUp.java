package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.profile.CpuSplit;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.RetryCounter;
import io.github.binlog2redshift.bench.stack.TargetProbe;
import io.github.binlog2redshift.bench.workload.SinkTopics;
import io.github.binlog2redshift.bench.workload.SinkTopics.Prepared;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;

/**
 * Our sink over the prepared topics into one target (parallelism 2): timed from the job's start,
 * with its whole input waiting, to every table's marker row being visible through {@code probe},
 * then the target's rows counted; the CPU of that window is split between this JVM, PostgreSQL and
 * S3Proxy, and the sink's commit retries are counted.
 */
final class OurCatchUp {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    /**
     * What the run took, what the target holds after it, where the CPU went meanwhile, and how many
     * table commits were tried again (after how much back-off in total).
     */
    record Result(long ms, long rows, CpuSplit.Window cpu, long retries, long retryWaitMs) {

        double eventsPerSecond(Prepared in) {
            return in.events() * 1000.0 / Math.max(ms, 1);
        }

        /** {@code commit retries 91 (back-off 118 s in total over parallel commits)}. */
        String retriesText() {
            return "commit retries "
                    + retries
                    + " (back-off "
                    + retryWaitMs / 1000
                    + " s in total over parallel commits)";
        }
    }

    private OurCatchUp() {}

    /** The target tables of the prepared topics, {@code <db>.<table>}. */
    static List<String> tables(Prepared in) {
        return in.tables().stream().map(t -> SinkTopics.DB + "." + t).toList();
    }

    /**
     * @param probe a connection that sees the target's tables, polled for the markers; closed here
     * @param threads name prefix of this JVM's threads to count apart in the CPU split, or null
     */
    static Result run(
            BenchEnv env,
            String jobName,
            Prepared in,
            OurSink.Options options,
            Connection probe,
            String threads)
            throws Exception {
        List<String> tables = tables(in);
        Map<String, Supplier<List<Long>>> services = new LinkedHashMap<>();
        services.put("PostgreSQL", env.stack().postgres()::processTree);
        services.put("S3Proxy", env.stack().s3()::processTree);
        JobClient job =
                FlinkRunner.start(
                        jobName, FlinkRunner.baseConfig(2), 2, e -> OurSink.build(e, options));
        try (TargetProbe markers = new TargetProbe(probe, tables);
                RetryCounter retries = new RetryCounter();
                CpuSplit cpu = new CpuSplit(threads, services)) {
            long start = System.nanoTime();
            CatchUp.await(
                    jobName + " catch-up",
                    () -> {
                        failIfEnded(jobName, job);
                        return markers.markersVisible();
                    },
                    tables.size(),
                    POLL,
                    TIMEOUT);
            long ms = (System.nanoTime() - start) / 1_000_000;
            CpuSplit.Window window = cpu.stop();
            return new Result(ms, markers.rows(), window, retries.retries(), retries.waitedMs());
        } finally {
            FlinkRunner.cancel(job);
        }
    }

    /**
     * Fails the wait at once when the job ended (the runner does not restart it), with the sink's
     * own error: otherwise a failed job shows only as a timeout after {@link #TIMEOUT}.
     */
    private static void failIfEnded(String jobName, JobClient job) {
        JobStatus status;
        try {
            status = job.getJobStatus().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The status call itself failed: keep polling, the timeout still bounds the wait.
            return;
        }
        if (!status.isGloballyTerminalState()) {
            return;
        }
        Throwable cause = null;
        try {
            job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            cause = e;
        }
        throw new IllegalStateException(
                jobName + " ended " + status + " before every marker was visible: " + ours(cause),
                cause);
    }

    /** The first error of the chain raised by this project's code (it names table and step). */
    private static String ours(Throwable t) {
        Throwable deepest = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c.getClass().getName().startsWith("io.github.binlog2redshift")) {
                return c.toString();
            }
            deepest = c;
        }
        return String.valueOf(deepest);
    }
}
