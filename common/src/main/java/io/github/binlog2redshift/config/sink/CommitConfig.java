package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.time.Duration;
import java.util.Objects;

/** How the per-checkpoint load runs. */
public final class CommitConfig {

    private final int maxParallelTables;
    private final int maxRetries;
    private final Duration retryBackoff;

    public CommitConfig(int maxParallelTables, int maxRetries, Duration retryBackoff) {
        this.maxParallelTables = maxParallelTables;
        this.maxRetries = maxRetries;
        this.retryBackoff = retryBackoff;
    }

    /** Tables loaded concurrently. */
    public int maxParallelTables() {
        return maxParallelTables;
    }

    /** Retries of a failed table load. */
    public int maxRetries() {
        return maxRetries;
    }

    /** First retry delay, doubling per retry. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    static CommitConfig from(Settings s) {
        return new CommitConfig(
                s.get(SinkOptions.COMMIT_MAX_PARALLEL_TABLES),
                s.get(SinkOptions.COMMIT_MAX_RETRIES),
                s.get(SinkOptions.COMMIT_RETRY_BACKOFF));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CommitConfig)) {
            return false;
        }
        CommitConfig other = (CommitConfig) o;
        return maxParallelTables == other.maxParallelTables
                && maxRetries == other.maxRetries
                && Objects.equals(retryBackoff, other.retryBackoff);
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxParallelTables, maxRetries, retryBackoff);
    }

    @Override
    public String toString() {
        return "CommitConfig[maxParallelTables="
                + maxParallelTables
                + ", maxRetries="
                + maxRetries
                + ", retryBackoff="
                + retryBackoff
                + "]";
    }
}
