package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.profile.CpuSplit;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.MetricsCapture;
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
 * S3Proxy, and the sink's serialization conflicts are read from its own metric.
 */
final class OurCatchUp {

    static final Duration POLL = Duration.ofMillis(250);
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    /**
     * What the run took (from before the job was started, and from its first visible marker), what
     * the target holds after it, where the CPU went meanwhile, and how many table commits a
     * serialization conflict rolled back (the committer's {@code serializationConflicts} metric,
     * summed over tables and subtasks; other transient errors are retried without a metric and are
     * not counted here).
     */
    record Result(CatchUp catchUp, long rows, CpuSplit.Window cpu, long conflicts) {

        double eventsPerSecond(Prepared in) {
            return in.events() * 1000.0 / Math.max(catchUp.startupMs() + catchUp.activeMs(), 1);
        }

        /** {@code serialization conflicts retried: 3}. */
        String retriesText() {
            return "serialization conflicts retried: " + conflicts;
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
     * @param jobName unique per run: the conflicts metric is read by it
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
        long start = System.nanoTime();
        JobClient job =
                FlinkRunner.start(
                        jobName, FlinkRunner.baseConfig(2), 2, e -> OurSink.build(e, options));
        try (TargetProbe markers = new TargetProbe(probe, tables);
                CpuSplit cpu = new CpuSplit(threads, services)) {
            CatchUp c =
                    CatchUp.await(
                            jobName + " catch-up",
                            () -> {
                                failIfEnded(jobName, job);
                                return markers.progress();
                            },
                            tables.size() + 1,
                            POLL,
                            TIMEOUT,
                            start);
            CpuSplit.Window window = cpu.stop();
            long conflicts = MetricsCapture.sum(jobName, "serializationConflicts").orElse(0);
            return new Result(c, markers.rows(), window, conflicts);
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
