package io.github.binlog2redshift.sink.jdbc;

import java.sql.SQLException;

/**
 * A step of a table's apply failed. Keeps the SQL state and vendor code of the cause, so the retry
 * policy can classify it, and names the table, checkpoint and step (and the statement, except for
 * Redshift's COPY, which may hold credentials).
 */
public final class MergeStepException extends SQLException {

    private final String step;

    public MergeStepException(
            String table, long checkpointId, String step, String sql, Throwable cause) {
        super(
                "applying "
                        + table
                        + " at checkpoint "
                        + checkpointId
                        + " failed at step '"
                        + step
                        + "'"
                        + (sql == null ? "" : " (" + sql + ")")
                        + ": "
                        + cause.getMessage(),
                cause instanceof SQLException ? ((SQLException) cause).getSQLState() : null,
                cause instanceof SQLException ? ((SQLException) cause).getErrorCode() : 0,
                cause);
        this.step = step;
    }

    public String step() {
        return step;
    }
}
