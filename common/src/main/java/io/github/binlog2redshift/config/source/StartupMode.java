package io.github.binlog2redshift.config.source;

/** Where the MySQL source starts reading ({@code source.startup.mode}). */
public enum StartupMode {
    /** Snapshot the captured tables, then follow the binlog from the snapshot's position. */
    INITIAL,
    /** Snapshot only, then finish (a bounded job). */
    SNAPSHOT,
    /** No snapshot; binlog from its current end. */
    LATEST,
    /** No snapshot; binlog from the earliest file still on the server. */
    EARLIEST,
    /** No snapshot; binlog from {@code source.startup.binlog-file} / {@code binlog-position}. */
    SPECIFIC_OFFSET,
    /** No snapshot; binlog after the GTID set {@code source.startup.gtid-set}. */
    GTID,
    /** No snapshot; binlog from the first event at or after {@code source.startup.timestamp-ms}. */
    TIMESTAMP
}
