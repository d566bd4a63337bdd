package io.github.binlog2redshift.sink.jdbc;

import java.io.Serializable;
import java.time.Duration;

/**
 * How often and how patiently a table's apply is retried after a transient error: {@code
 * maxRetries} more attempts, waiting {@code backoff}, doubling up to {@code maxBackoff}. Each
 * attempt is a whole new transaction (the failed one was rolled back), so a retry is always safe.
 */
public record RetryPolicy(int maxRetries, Duration backoff, Duration maxBackoff)
        implements Serializable {

    public RetryPolicy {
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
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration delayBefore(int retry) {
        long ms = backoff.toMillis() << Math.min(retry - 1, 20);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
