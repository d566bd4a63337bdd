package io.github.binlog2redshift.serde;

/**
 * A message that cannot become a change event. The message says why, in words meant for the
 * dead-letter record an operator will read.
 */
public class ChangeEventParseException extends RuntimeException {

    public ChangeEventParseException(String reason) {
        super(reason);
    }

    public ChangeEventParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
