package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.SourceOptions.STARTUP_BINLOG_FILE;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_BINLOG_POSITION;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_GTID_SET;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_MODE;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_TIMESTAMP_MS;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Settings;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the source starts when it has no checkpoint. Only the fields of the chosen mode are
 * present; options belonging to another mode are rejected rather than ignored.
 *
 * @param mode the startup mode
 * @param binlogFile SPECIFIC_OFFSET: the file
 * @param binlogPosition SPECIFIC_OFFSET: the position (default 4)
 * @param gtidSet GTID: the executed GTID set
 * @param timestampMs TIMESTAMP: epoch milliseconds
 */
public record StartupConfig(
        StartupMode mode,
        Optional<String> binlogFile,
        long binlogPosition,
        Optional<String> gtidSet,
        OptionalLong timestampMs) {

    public static StartupConfig from(Settings s) {
        StartupMode mode = s.get(STARTUP_MODE);
        String because = "source.startup.mode is " + mode;
        Optional<String> file = Optional.empty();
        Optional<String> gtid = Optional.empty();
        OptionalLong timestamp = OptionalLong.empty();
        if (mode == StartupMode.SPECIFIC_OFFSET) {
            file = Optional.of(s.require(STARTUP_BINLOG_FILE, "required because " + because));
        } else {
            ConfigConstraints.forbid(s, STARTUP_BINLOG_FILE, because);
            ConfigConstraints.forbid(s, STARTUP_BINLOG_POSITION, because);
        }
        if (mode == StartupMode.GTID) {
            gtid = Optional.of(s.require(STARTUP_GTID_SET, "required because " + because));
        } else {
            ConfigConstraints.forbid(s, STARTUP_GTID_SET, because);
        }
        if (mode == StartupMode.TIMESTAMP) {
            timestamp =
                    OptionalLong.of(s.require(STARTUP_TIMESTAMP_MS, "required because " + because));
        } else {
            ConfigConstraints.forbid(s, STARTUP_TIMESTAMP_MS, because);
        }
        return new StartupConfig(mode, file, s.get(STARTUP_BINLOG_POSITION), gtid, timestamp);
    }
}
