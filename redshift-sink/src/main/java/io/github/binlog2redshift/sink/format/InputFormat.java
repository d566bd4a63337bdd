package io.github.binlog2redshift.sink.format;

/**
 * The JSON change format on the input topics. Mapping from the reference's {@code cdc_format}:
 * {@code FLINK-CDC} and {@code MSK-DEBEZIUM-CDC} are {@link #DEBEZIUM}, {@code DMS-CDC} is {@link
 * #DMS}, {@code CANAL-CDC} is {@link #CANAL}.
 */
public enum InputFormat {
    /**
     * Detect per record: Debezium if it has {@code op} or a schema envelope, DMS if {@code
     * metadata.record-type}, Canal if {@code data} is an array or {@code isDdl} is present.
     */
    AUTO,
    /** This project's events, Flink CDC and plain Debezium JSON, with or without schemas. */
    DEBEZIUM,
    /** AWS DMS {@code json-unformatted}. */
    DMS,
    /** Canal flat messages. */
    CANAL
}
