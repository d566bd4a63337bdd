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
    /**
     * A value that is not one of its column's type as the warehouse's load reads it: text that is
     * not a number, date or time, a NUL character or a lone UTF-16 surrogate, JSON that does not
     * parse, binary that is not base64, a date with a zero part, more fraction digits than the
     * column keeps.
     */
    INVALID_VALUE,
    /**
     * A well-formed value outside what its target column holds: an integer beyond SMALLINT, INTEGER
     * or BIGINT, a decimal with more integer digits than its precision leaves, a float beyond REAL
     * or DOUBLE PRECISION, JSON nested deeper than the warehouse reads.
     */
    OUT_OF_RANGE,
    /**
     * The change's column metadata cannot describe a warehouse column: an empty, duplicate or
     * unstorable name, a negative length or scale, a scale above the precision, a length or
     * precision MySQL does not allow, a type the sink has no mapping for, a key column that is not
     * among the columns.
     */
    INVALID_COLUMN,
    /**
     * Two columns of one change whose names are one name in the warehouse (Redshift folds names to
     * lower case and the sink cuts them to 127 bytes), which cannot hold both.
     */
    NAME_COLLISION,
    /**
     * A source table whose target (or one of its side tables) another source table claimed first in
     * the warehouse: two source tables are never merged into one target by accident.
     */
    TARGET_COLLISION,
    /** Anything else that does not form a consistent change event. */
    MALFORMED;

    /** The lower-case label used in metrics and dead-letter records. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
