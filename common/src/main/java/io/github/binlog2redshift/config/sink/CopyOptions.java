package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** COPY parameters. The two data-losing ones default off (REFERENCE.md bug 9). */
public final class CopyOptions {

    private static final Logger LOG = LoggerFactory.getLogger(CopyOptions.class);

    private final String timeFormat;
    private final String dateFormat;
    private final int maxError;
    private final boolean truncateColumns;

    public CopyOptions(
            String timeFormat, String dateFormat, int maxError, boolean truncateColumns) {
        this.timeFormat = timeFormat;
        this.dateFormat = dateFormat;
        this.maxError = maxError;
        this.truncateColumns = truncateColumns;
    }

    /** COPY TIMEFORMAT. */
    public String timeFormat() {
        return timeFormat;
    }

    /** COPY DATEFORMAT. */
    public String dateFormat() {
        return dateFormat;
    }

    /** COPY MAXERROR; 0 = any bad row fails the load. */
    public int maxError() {
        return maxError;
    }

    /** COPY TRUNCATECOLUMNS. */
    public boolean truncateColumns() {
        return truncateColumns;
    }

    static CopyOptions from(Settings s) {
        CopyOptions copy =
                new CopyOptions(
                        s.get(SinkOptions.COPY_TIMEFORMAT),
                        s.get(SinkOptions.COPY_DATEFORMAT),
                        s.get(SinkOptions.COPY_MAX_ERROR),
                        s.get(SinkOptions.COPY_TRUNCATE_COLUMNS));
        if (copy.maxError > 0 || copy.truncateColumns) {
            LOG.warn(
                    "COPY may skip up to {} rows per load and truncateColumns={}: such rows are"
                            + " lost or cut without failing the job",
                    copy.maxError,
                    copy.truncateColumns);
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CopyOptions)) {
            return false;
        }
        CopyOptions other = (CopyOptions) o;
        return Objects.equals(timeFormat, other.timeFormat)
                && Objects.equals(dateFormat, other.dateFormat)
                && maxError == other.maxError
                && truncateColumns == other.truncateColumns;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeFormat, dateFormat, maxError, truncateColumns);
    }

    @Override
    public String toString() {
        return "CopyOptions[timeFormat="
                + timeFormat
                + ", dateFormat="
                + dateFormat
                + ", maxError="
                + maxError
                + ", truncateColumns="
                + truncateColumns
                + "]";
    }
}
