package io.github.binlog2redshift.sink.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * Which database errors are worth retrying: serialization conflicts (SQLSTATE 40001; Redshift
 * reports them as error 1023 "Serializable isolation violation"), deadlocks (40P01) and lost
 * connections (class 08; 57P0x when the server terminated the session). Everything else (bad data,
 * missing privileges, syntax) fails at once.
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
                if (state != null
                        && (state.equals("40001")
                                || state.equals("40P01")
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
}
