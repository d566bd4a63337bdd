package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import java.io.IOException;

/**
 * A table's apply failed for good (not transient, or out of retries). {@link #tableLevel()} tells
 * the committer whether the failure is the table's own, which quarantines the table while the
 * others go on, or the warehouse's, which fails the job (its restart commits again).
 */
public final class ApplyFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean tableLevel;

    /** A failure classified by its cause ({@link TransientErrors#isTableLevel}). */
    public ApplyFailedException(TableCommittable batch, int attempts, Exception cause) {
        this(batch, attempts, cause, TransientErrors.isTableLevel(cause));
    }

    public ApplyFailedException(
            TableCommittable batch, int attempts, Exception cause, boolean tableLevel) {
        super(
                "giving up on table "
                        + batch.table()
                        + " at checkpoint "
                        + batch.checkpointId()
                        + " (staging id "
                        + batch.stagingId()
                        + ") after "
                        + attempts
                        + (attempts == 1 ? " attempt: " : " attempts: ")
                        + cause.getMessage(),
                cause);
        this.tableLevel = tableLevel;
    }

    /**
     * True when retrying cannot help and only this table is concerned: its DDL under the policy
     * ({@code IncompatibleSchemaChangeException}), its data (a COPY or merge statement refused, a
     * load count that does not match), its target (a missing privilege, a table changed by hand).
     * False for lost connections and spent retries, a login refused, the warehouse out of resources
     * or shutting down, and staged files that cannot be read: those fail the job.
     */
    public boolean tableLevel() {
        return tableLevel;
    }
}
