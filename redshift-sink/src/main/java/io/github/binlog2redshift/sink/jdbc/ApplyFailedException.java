package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import java.io.IOException;

/** A table's apply failed for good (not transient, or out of retries); fails the job. */
public final class ApplyFailedException extends IOException {

    public ApplyFailedException(TableCommittable batch, int attempts, Exception cause) {
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
    }
}
