package io.github.binlog2redshift.sink.jdbc;

import java.io.FileNotFoundException;

/**
 * A staged file of a committable the ledger does not hold is gone: its rows cannot be loaded, and
 * no retry can bring them back. The committer quarantines the table naming table, checkpoint and
 * file ({@link WarehouseSession}); docs/apply.md, "Missing staged files", says how to recover.
 */
public final class MissingStagedFileException extends FileNotFoundException {

    private static final long serialVersionUID = 1L;

    public MissingStagedFileException(String uri) {
        super(
                "staged file "
                        + uri
                        + " is missing and the ledger has no record of its commit: its rows cannot"
                        + " be loaded (deleted by hand or by an S3 lifecycle rule shorter than the"
                        + " outage?); reload the table from the source, see docs/apply.md");
    }

    /** True when {@code e} or one of its causes is a missing staged file. */
    static boolean in(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MissingStagedFileException) {
                return true;
            }
        }
        return false;
    }
}
