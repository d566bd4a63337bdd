package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.RetentionOptions;
import io.github.binlog2redshift.config.Settings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** What the sink deletes after itself, and when ({@code sink.retention.*}). */
public final class RetentionConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean deleteStagedFiles;
    private final Duration horizon;
    private final Duration pruneInterval;

    public RetentionConfig(boolean deleteStagedFiles, Duration horizon, Duration pruneInterval) {
        this.deleteStagedFiles = deleteStagedFiles;
        this.horizon = Objects.requireNonNull(horizon, "horizon");
        this.pruneInterval = Objects.requireNonNull(pruneInterval, "prune interval");
    }

    /** The documented defaults: delete staged files, a 7-day horizon, pruned hourly. */
    public static RetentionConfig defaults() {
        return new RetentionConfig(
                RetentionOptions.DELETE_STAGED_FILES.defaultValue().orElseThrow(),
                RetentionOptions.HORIZON.defaultValue().orElseThrow(),
                RetentionOptions.PRUNE_INTERVAL.defaultValue().orElseThrow());
    }

    static RetentionConfig from(Settings s) {
        return new RetentionConfig(
                s.get(RetentionOptions.DELETE_STAGED_FILES),
                s.get(RetentionOptions.HORIZON),
                s.get(RetentionOptions.PRUNE_INTERVAL));
    }

    /** Delete a committable's staged files once its commit is in the ledger. */
    public boolean deleteStagedFiles() {
        return deleteStagedFiles;
    }

    /** Age beyond which ledger rows, tombstones and schema-log rows are pruned. */
    public Duration horizon() {
        return horizon;
    }

    /** Least time between two prunes of one table by one committer subtask. */
    public Duration pruneInterval() {
        return pruneInterval;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RetentionConfig)) {
            return false;
        }
        RetentionConfig other = (RetentionConfig) o;
        return deleteStagedFiles == other.deleteStagedFiles
                && horizon.equals(other.horizon)
                && pruneInterval.equals(other.pruneInterval);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deleteStagedFiles, horizon, pruneInterval);
    }

    @Override
    public String toString() {
        return "RetentionConfig[deleteStagedFiles="
                + deleteStagedFiles
                + ", horizon="
                + horizon
                + ", pruneInterval="
                + pruneInterval
                + "]";
    }
}
