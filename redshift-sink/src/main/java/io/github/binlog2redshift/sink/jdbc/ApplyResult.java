package io.github.binlog2redshift.sink.jdbc;

import java.util.Objects;

/**
 * The outcome of applying one committable: {@code alreadyApplied} when the ledger had it (nothing
 * was changed), else the counts of the transaction that just committed; the attempts it took and
 * how many of them a serialization conflict ended.
 */
public final class ApplyResult {

    private final boolean alreadyApplied;
    private final long rowsStaged;
    private final long rowsLoaded;
    private final long rowsApplied;
    private final int attempts;
    private final int conflicts;

    public ApplyResult(
            boolean alreadyApplied,
            long rowsStaged,
            long rowsLoaded,
            long rowsApplied,
            int attempts) {
        this(alreadyApplied, rowsStaged, rowsLoaded, rowsApplied, attempts, 0);
    }

    private ApplyResult(
            boolean alreadyApplied,
            long rowsStaged,
            long rowsLoaded,
            long rowsApplied,
            int attempts,
            int conflicts) {
        this.alreadyApplied = alreadyApplied;
        this.rowsStaged = rowsStaged;
        this.rowsLoaded = rowsLoaded;
        this.rowsApplied = rowsApplied;
        this.attempts = attempts;
        this.conflicts = conflicts;
    }

    public boolean alreadyApplied() {
        return alreadyApplied;
    }

    public long rowsStaged() {
        return rowsStaged;
    }

    public long rowsLoaded() {
        return rowsLoaded;
    }

    public long rowsApplied() {
        return rowsApplied;
    }

    public int attempts() {
        return attempts;
    }

    /** Earlier attempts that a serialization conflict (Redshift error 1023) rolled back. */
    public int conflicts() {
        return conflicts;
    }

    public ApplyResult withAttempts(int n) {
        return new ApplyResult(alreadyApplied, rowsStaged, rowsLoaded, rowsApplied, n, conflicts);
    }

    public ApplyResult withConflicts(int n) {
        return new ApplyResult(alreadyApplied, rowsStaged, rowsLoaded, rowsApplied, attempts, n);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ApplyResult)) {
            return false;
        }
        ApplyResult other = (ApplyResult) o;
        return alreadyApplied == other.alreadyApplied
                && rowsStaged == other.rowsStaged
                && rowsLoaded == other.rowsLoaded
                && rowsApplied == other.rowsApplied
                && attempts == other.attempts
                && conflicts == other.conflicts;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                alreadyApplied, rowsStaged, rowsLoaded, rowsApplied, attempts, conflicts);
    }

    @Override
    public String toString() {
        return "ApplyResult[alreadyApplied="
                + alreadyApplied
                + ", rowsStaged="
                + rowsStaged
                + ", rowsLoaded="
                + rowsLoaded
                + ", rowsApplied="
                + rowsApplied
                + ", attempts="
                + attempts
                + ", conflicts="
                + conflicts
                + "]";
    }
}
