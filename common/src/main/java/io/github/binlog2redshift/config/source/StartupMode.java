package io.github.binlog2redshift.config.source;

/** Where the MySQL source starts reading ({@code source.startup.mode}). */
public enum StartupMode {
    INITIAL("Snapshot the captured tables, then follow the binlog from the snapshot's position."),
    SNAPSHOT("Snapshot only, then finish (a bounded job)."),
    LATEST("No snapshot; binlog from its current end."),
    EARLIEST("No snapshot; binlog from the earliest file still on the server."),
    SPECIFIC_OFFSET(
            "No snapshot; binlog from source.startup.binlog-file at source.startup.binlog-position."),
    GTID("No snapshot; binlog after the executed GTID set source.startup.gtid-set."),
    TIMESTAMP("No snapshot; binlog from the first event at or after source.startup.timestamp-ms.");

    private final String description;

    StartupMode(String description) {
        this.description = description;
    }

    /** For docs/configuration.md. */
    public String description() {
        return description;
    }
}
