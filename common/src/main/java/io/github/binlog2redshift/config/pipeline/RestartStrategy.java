package io.github.binlog2redshift.config.pipeline;

import java.time.Duration;
import java.util.Objects;

/** The restart strategy and its parameters. */
public final class RestartStrategy {

    private final RestartStrategyKind kind;
    private final int attempts;
    private final Duration delay;
    private final Duration maxDelay;

    public RestartStrategy(
            RestartStrategyKind kind, int attempts, Duration delay, Duration maxDelay) {
        this.kind = kind;
        this.attempts = attempts;
        this.delay = delay;
        this.maxDelay = maxDelay;
    }

    /** Which strategy. */
    public RestartStrategyKind kind() {
        return kind;
    }

    /** FIXED_DELAY: max restarts; EXPONENTIAL_DELAY: attempts before the backoff resets. */
    public int attempts() {
        return attempts;
    }

    /** FIXED_DELAY: the delay; EXPONENTIAL_DELAY: the initial delay. */
    public Duration delay() {
        return delay;
    }

    /** EXPONENTIAL_DELAY: the largest delay. */
    public Duration maxDelay() {
        return maxDelay;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RestartStrategy)) {
            return false;
        }
        RestartStrategy other = (RestartStrategy) o;
        return kind == other.kind
                && attempts == other.attempts
                && Objects.equals(delay, other.delay)
                && Objects.equals(maxDelay, other.maxDelay);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, attempts, delay, maxDelay);
    }

    @Override
    public String toString() {
        return "RestartStrategy[kind="
                + kind
                + ", attempts="
                + attempts
                + ", delay="
                + delay
                + ", maxDelay="
                + maxDelay
                + "]";
    }
}
