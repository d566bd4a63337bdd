package io.github.binlog2redshift.source.debezium;

/**
 * A column value the job cannot carry exactly (a lone UTF-16 surrogate, MySQL's zero date in a key
 * column); the change becomes a dead letter whose reason is this message, never a changed value.
 */
final class UnreadableValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    UnreadableValueException(String message) {
        super(message);
    }
}
