package io.github.binlog2redshift.config.sink;

/** The change-event format on the input topics ({@code sink.input-format}). */
public enum InputFormat {
    /** Detect per record. */
    AUTO,
    /** Debezium JSON, with or without schema (cdc-source, Flink CDC, MSK Connect Debezium). */
    DEBEZIUM,
    /** AWS DMS JSON. */
    DMS,
    /** Canal JSON. */
    CANAL
}
