package io.github.binlog2redshift.sink.jdbc;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently a table's apply is retried after a transient error: {@code
 * maxRetries} more attempts, waiting {@code backoff}, doubling up to {@code maxBackoff}. Each
 * attempt is a whole new transaction (the failed one was rolled back), so a retry is always safe.
 */
public final class RetryPolicy implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int maxRetries;
    private final Duration backoff;
    private final Duration maxBackoff;

    public RetryPolicy(int maxRetries, Duration backoff, Duration maxBackoff) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must be >= 0, got " + maxRetries);
        }
        if (backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException(
                    "retry backoff must be >= 0 and <= its maximum, got "
                            + backoff
                            + " and "
                            + maxBackoff);
        }
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.maxBackoff = maxBackoff;
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration backoff() {
        return backoff;
    }

    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration delayBefore(int retry) {
        long ms = backoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetryPolicy)) {
            return false;
        }
        RetryPolicy other = (RetryPolicy) o;
        return maxRetries == other.maxRetries
                && backoff.equals(other.backoff)
                && maxBackoff.equals(other.maxBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxRetries, backoff, maxBackoff);
    }

    @Override
    public String toString() {
        return "RetryPolicy[maxRetries="
                + maxRetries
                + ", backoff="
                + backoff
                + ", maxBackoff="
                + maxBackoff
                + "]";
    }
}
