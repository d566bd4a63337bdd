package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.copy.LoadError;
import java.util.Optional;

/**
 * An error the local Redshift reports to the client as Redshift would: a SQLSTATE, a message and an
 * optional detail. A failed COPY also carries the {@link LoadError} that goes into {@code
 * stl_load_errors}.
 */
public final class RedshiftException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String sqlState;
    private final String detail;
    private final transient LoadError loadError;

    public RedshiftException(String sqlState, String message, String detail) {
        this(sqlState, message, detail, null);
    }

    public RedshiftException(String sqlState, String message, String detail, LoadError loadError) {
        super(message);
        this.sqlState = sqlState;
        this.detail = detail == null ? "" : detail;
        this.loadError = loadError;
    }

    /**
     * The five-character SQLSTATE sent to the client, e.g. {@code XX000} for Redshift's internal
     * errors.
     */
    public String sqlState() {
        return sqlState;
    }

    /** The detail line of the error, empty when there is none. */
    public String detail() {
        return detail;
    }

    /** The row that failed a COPY, when this error comes from one. */
    public Optional<LoadError> loadError() {
        return Optional.ofNullable(loadError);
    }
}
