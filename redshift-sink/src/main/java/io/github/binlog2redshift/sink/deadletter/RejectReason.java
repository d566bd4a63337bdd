package io.github.binlog2redshift.sink.deadletter;

/**
 * Why a Kafka record went to the dead-letter output: the metric label and the machine-readable part
 * of a dead letter (the detail text says the rest).
 */
public enum RejectReason {
    NOT_JSON,
    /** Valid JSON, but not Debezium, DMS or Canal (or not the configured format). */
    UNRECOGNIZED_FORMAT,
    MISSING_OP,
    UNKNOWN_OP,
    MISSING_TABLE,
    /** The image an operation needs is absent, e.g. a delete without a before image. */
    MISSING_IMAGE,
    /** A key column has no value in the row image. */
    MISSING_KEY_VALUE,
    /** A value longer than its warehouse column holds (sink.oversize-values=DEAD_LETTER). */
    OVERSIZE_VALUE,
    /** A row whose staged form is longer than the warehouse's load reads (Redshift COPY: 4 MB). */
    OVERSIZE_ROW,
    /** A value no warehouse column can hold: a NUL character, a date with a zero part. */
    INVALID_VALUE,
    /**
     * Two columns of one change whose names are one name in the warehouse (Redshift folds names
     * to lower case and the sink cuts them to 127 bytes), which cannot hold both.
     */
    NAME_COLLISION,
    /** Anything else that does not form a consistent change event. */
    MALFORMED;

    /** The lower-case label used in metrics and dead-letter records. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
