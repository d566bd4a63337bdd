package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.SourceOptions.POSITION_EPOCH;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_BINLOG_FILE;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_BINLOG_POSITION;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_GTID_SET;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_MODE;
import static io.github.binlog2redshift.config.SourceOptions.STARTUP_TIMESTAMP_MS;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.Settings;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where the source starts when it has no checkpoint, and the binlog history (epoch) its positions
 * belong to, checkpoint or not. Only the fields of the chosen mode are present; options belonging
 * to another mode are rejected rather than ignored.
 */
public final class StartupConfig {

    private final StartupMode mode;
    private final Optional<String> binlogFile;
    private final long binlogPosition;
    private final Optional<String> gtidSet;
    private final OptionalLong timestampMs;
    private final int positionEpoch;

    private StartupConfig(
            StartupMode mode,
            Optional<String> binlogFile,
            long binlogPosition,
            Optional<String> gtidSet,
            OptionalLong timestampMs,
            int positionEpoch) {
        this.mode = mode;
        this.binlogFile = binlogFile;
        this.binlogPosition = binlogPosition;
        this.gtidSet = gtidSet;
        this.timestampMs = timestampMs;
        this.positionEpoch = positionEpoch;
    }

    /** The startup mode. */
    public StartupMode mode() {
        return mode;
    }

    /** SPECIFIC_OFFSET: the file. */
    public Optional<String> binlogFile() {
        return binlogFile;
    }

    /** SPECIFIC_OFFSET: the position (default 4). */
    public long binlogPosition() {
        return binlogPosition;
    }

    /** GTID: the executed GTID set. */
    public Optional<String> gtidSet() {
        return gtidSet;
    }

    /** TIMESTAMP: epoch milliseconds. */
    public OptionalLong timestampMs() {
        return timestampMs;
    }

    /**
     * {@code source.position-epoch}: the epoch of every event's position ({@code
     * SourcePosition#epoch}).
     */
    public int positionEpoch() {
        return positionEpoch;
    }

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
        return new StartupConfig(
                mode, file, s.get(STARTUP_BINLOG_POSITION), gtid, timestamp, s.get(POSITION_EPOCH));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StartupConfig)) {
            return false;
        }
        StartupConfig other = (StartupConfig) o;
        return mode == other.mode
                && Objects.equals(binlogFile, other.binlogFile)
                && binlogPosition == other.binlogPosition
                && Objects.equals(gtidSet, other.gtidSet)
                && Objects.equals(timestampMs, other.timestampMs)
                && positionEpoch == other.positionEpoch;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mode, binlogFile, binlogPosition, gtidSet, timestampMs, positionEpoch);
    }

    @Override
    public String toString() {
        return "StartupConfig[mode="
                + mode
                + ", binlogFile="
                + binlogFile
                + ", binlogPosition="
                + binlogPosition
                + ", gtidSet="
                + gtidSet
                + ", timestampMs="
                + timestampMs
                + ", positionEpoch="
                + positionEpoch
                + "]";
    }
}
