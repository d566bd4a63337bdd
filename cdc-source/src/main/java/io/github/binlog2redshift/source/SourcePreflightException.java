package io.github.binlog2redshift.source;

/** The MySQL server or the source configuration is not fit to start the job; says what to fix. */
public final class SourcePreflightException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SourcePreflightException(String message) {
        super(message);
    }

    public SourcePreflightException(String message, Throwable cause) {
        super(message, cause);
    }
}
