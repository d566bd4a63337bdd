package io.github.binlog2redshift.bench.stack;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Measures a catch-up: polls a progress counter until it reaches the expected total and reports the
 * rate between the first progress seen and the end, so job start-up (MiniCluster, Connect worker,
 * connector start) is reported apart from throughput.
 *
 * @param total what the counter reached
 * @param startupMs from {@link #await} being called to the first progress
 * @param activeMs from the first progress to the total
 */
public record CatchUp(long total, long startupMs, long activeMs) {

    /** Units per second while active. */
    public double rate() {
        return activeMs <= 0 ? 0 : total * 1000.0 / activeMs;
    }

    /**
     * Polls {@code progress} every {@code poll} until it is at least {@code expected}.
     *
     * @throws IllegalStateException after {@code timeout}, with how far it got
     */
    public static CatchUp await(
            String what, LongSupplier progress, long expected, Duration poll, Duration timeout)
            throws InterruptedException {
        return await(what, progress, expected, poll, timeout, System.nanoTime());
    }

    /**
     * Like {@link #await(String, LongSupplier, long, Duration, Duration)}, with start-up counted
     * from {@code start} ({@link System#nanoTime}), taken before the system was started.
     */
    public static CatchUp await(
            String what,
            LongSupplier progress,
            long expected,
            Duration poll,
            Duration timeout,
            long start)
            throws InterruptedException {
        long deadline = start + timeout.toNanos();
        long first = -1;
        long seen = 0;
        while (System.nanoTime() < deadline) {
            seen = progress.getAsLong();
            long now = System.nanoTime();
            if (seen > 0 && first < 0) {
                first = now;
            }
            if (seen >= expected) {
                return new CatchUp(seen, (first - start) / 1_000_000, (now - first) / 1_000_000);
            }
            Thread.sleep(poll.toMillis());
        }
        throw new IllegalStateException(
                what + " did not finish within " + timeout + ": " + seen + " of " + expected);
    }
}
