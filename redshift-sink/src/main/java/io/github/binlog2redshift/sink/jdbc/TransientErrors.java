package io.github.binlog2redshift.sink.jdbc;

import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * Which database errors are worth retrying: serialization conflicts (SQLSTATE 40001; Redshift
 * reports them as error 1023 "Serializable isolation violation"), deadlocks (40P01), a transaction
 * left aborted by an error already handled (25P02) and lost connections (class 08; 57P0x when the
 * server terminated the session). Everything else (bad data, missing privileges, syntax) fails at
 * once; of those, {@link #isTableLevel} tells the failures of one table (which the committer
 * quarantines) from the warehouse's own.
 */
public final class TransientErrors {

    private TransientErrors() {}

    /**
     * A serialization conflict or a deadlock: another transaction won, and this one, rolled back,
     * can only be tried again. Redshift reports its conflicts as {@code ERROR: 1023 ...
     * Serializable isolation violation}, with a SQLSTATE its documentation does not give, so the
     * text is read too.
     */
    public static boolean isConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                SQLException e = (SQLException) c;
                String state = e.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
                String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
                if (msg.contains("serializable isolation violation")
                        || msg.contains("error: 1023")) {
                    return true;
                }
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return false;
    }

    public static boolean isTransient(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLTransientException) {
                return true;
            }
            if (c instanceof SQLException) {
                SQLException e = (SQLException) c;
                String state = e.getSQLState();
                // 25P02: the transaction was aborted by an earlier statement whose error was
                // handled (a concurrent CREATE TABLE IF NOT EXISTS of the same table fails on the
                // catalog's unique index although the table then exists); a new transaction works.
                if (state != null
                        && (state.equals("40001")
                                || state.equals("40P01")
                                || state.equals("25P02")
                                || state.startsWith("08")
                                || state.startsWith("57P"))) {
                    return true;
                }
                String msg = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
                if (msg.contains("serializable isolation violation")
                        || msg.contains("error: 1023")) {
                    return true;
                }
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return false;
    }

    /**
     * A failure that concerns one table only, so that stopping that table and letting the others go
     * on is right: any database error that is not transient and not of a class that concerns the
     * whole warehouse, namely connection (08), authorization (28), insufficient resources (53: disk
     * full, out of memory), operator intervention (57: shutdown, cancel) and system errors (58).
     * Redshift reports load and most statement errors as XX000, which stays table-level. An error
     * raised by the sink itself while planning a table's apply (a {@link RuntimeException}) is
     * table-level too; staged files that cannot be read ({@link java.io.IOException}) are not. Nor
     * is a statement cut short because the task is being cancelled (a failover, a stop): the
     * Redshift driver then reports {@code "Interrupted exception retrieving query results."} with
     * the {@link InterruptedException} as its cause, which says nothing about the table.
     */
    public static boolean isTableLevel(Throwable t) {
        if (interrupted(t)) {
            return false;
        }
        if (t instanceof RuntimeException) {
            return true;
        }
        if (!(t instanceof SQLException) || isTransient(t) || isConflict(t)) {
            return false;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException) {
                String state = ((SQLException) c).getSQLState();
                if (state != null
                        && (state.startsWith("08")
                                || state.startsWith("28")
                                || state.startsWith("53")
                                || state.startsWith("57")
                                || state.startsWith("58"))) {
                    return false;
                }
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return true;
    }

    private static boolean interrupted(Throwable t) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof InterruptedException || c instanceof InterruptedIOException) {
                return true;
            }
            if (c == c.getCause()) {
                break;
            }
        }
        return false;
    }
}
