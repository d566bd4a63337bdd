package io.github.binlog2redshift.bench.result;

import java.util.Arrays;

/**
 * Percentiles of latency samples by the nearest-rank method: the p-th percentile is the smallest
 * sample such that at least p% of the samples are less than or equal to it. Nearest rank never
 * invents a value that was not observed, which matters when a few seconds of checkpoint cadence
 * make the distribution lumpy; interpolation would report latencies nobody saw.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Copies and sorts {@code samples}; the caller's array is left as it is. */
    public static Percentiles of(long[] samples) {
        long[] copy = Arrays.copyOf(samples, samples.length);
        Arrays.sort(copy);
        return new Percentiles(copy);
    }

    public int count() {
        return sorted.length;
    }

    /**
     * The {@code p}-th percentile, {@code 0 < p <= 100}.
     *
     * @throws IllegalStateException when there are no samples (a latency run that saw no row arrive
     *     must fail loudly, not report zero)
     */
    public long percentile(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples: cannot compute p" + p);
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    public long max() {
        return percentile(100);
    }

    public double mean() {
        if (sorted.length == 0) {
            throw new IllegalStateException("no samples: cannot compute the mean");
        }
        double sum = 0;
        for (long v : sorted) {
            sum += v;
        }
        return sum / sorted.length;
    }
}
