package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.time.Duration;

/**
 * How the per-checkpoint load runs.
 *
 * @param maxParallelTables tables loaded concurrently
 * @param maxRetries retries of a failed table load
 * @param retryBackoff first retry delay, doubling per retry
 */
public record CommitConfig(int maxParallelTables, int maxRetries, Duration retryBackoff) {

    static CommitConfig from(Settings s) {
        return new CommitConfig(
                s.get(SinkOptions.COMMIT_MAX_PARALLEL_TABLES),
                s.get(SinkOptions.COMMIT_MAX_RETRIES),
                s.get(SinkOptions.COMMIT_RETRY_BACKOFF));
    }
}
