package io.github.binlog2redshift.sink.jdbc;

/**
 * The outcome of applying one committable: {@code alreadyApplied} when the ledger had it (nothing
 * was changed), else the counts of the transaction that just committed.
 */
public record ApplyResult(
        boolean alreadyApplied, long rowsStaged, long rowsLoaded, long rowsApplied, int attempts) {

    public ApplyResult withAttempts(int n) {
        return new ApplyResult(alreadyApplied, rowsStaged, rowsLoaded, rowsApplied, n);
    }
}
