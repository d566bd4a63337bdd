package io.github.binlog2redshift.bench.stack;

import io.github.binlog2redshift.bench.result.Percentiles;
import io.github.binlog2redshift.bench.workload.SteadyLoad;
import java.time.Duration;
import java.util.List;

/**
 * One latency window over a running pipeline: a warm-up at the rate (not sampled), then the window
 * with stamps recorded and the poller running beside the load, then a drain until every recorded
 * stamp is visible in the target or the drain time passes.
 */
public final class LatencyWindow {

    private static final long POLL_PAUSE_MS = 20;

    /**
     * @param samples commit-to-visible times of the window's transactions
     * @param achievedRate changes/s the load reached (below the target: the source database was the
     *     limit)
     * @param allSeen every recorded stamp became visible before the drain ended
     * @param neverVisible target tables whose probe row was never read
     * @param pollRoundMs mean duration of one poll round: the resolution of the samples
     */
    public record Result(
            Percentiles samples,
            double achievedRate,
            boolean allSeen,
            List<String> neverVisible,
            double pollRoundMs) {}

    private LatencyWindow() {}

    /**
     * Runs {@code load} at {@code rate} for {@code warmUp}, then for {@code window} while sampling.
     *
     * @throws IllegalStateException when no row became visible at all
     */
    public static Result run(
            SteadyLoad load,
            LatencyPoller poller,
            int rate,
            Duration warmUp,
            Duration window,
            Duration drain)
            throws Exception {
        load.record(false);
        load.run(rate, warmUp.toMillis());
        // A previous window's unseen stamps were reported there; they must not count here.
        load.clearStamps();
        load.record(true);
        Thread polling = pollInBackground(poller);
        polling.start();
        double achieved;
        try {
            achieved = load.run(rate, window.toMillis());
        } finally {
            load.record(false);
            polling.interrupt();
            polling.join();
        }
        boolean allSeen = poller.drain(drain.toMillis());
        long[] samples = poller.takeSamples();
        if (samples.length == 0) {
            throw new IllegalStateException(
                    "no row became visible at "
                            + rate
                            + " changes/s; tables never visible: "
                            + poller.neverVisible());
        }
        return new Result(
                Percentiles.of(samples),
                achieved,
                allSeen,
                poller.neverVisible(),
                poller.meanRoundMs());
    }

    private static Thread pollInBackground(LatencyPoller poller) {
        Thread t =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                poller.pollOnce();
                                try {
                                    Thread.sleep(POLL_PAUSE_MS);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "latency-poller");
        t.setDaemon(true);
        return t;
    }
}
