package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * COPY parameters. The two data-losing ones default off (REFERENCE.md bug 9).
 *
 * @param timeFormat COPY TIMEFORMAT
 * @param dateFormat COPY DATEFORMAT
 * @param maxError COPY MAXERROR; 0 = any bad row fails the load
 * @param truncateColumns COPY TRUNCATECOLUMNS
 */
public record CopyOptions(
        String timeFormat, String dateFormat, int maxError, boolean truncateColumns) {

    private static final Logger LOG = LoggerFactory.getLogger(CopyOptions.class);

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
}
