package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.apache.flink.cdc.connectors.mysql.MySqlValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's {@code binlog_row_image} and what cdc-source does with it. FULL logs every column;
 * NOBLOB leaves out BLOB/TEXT columns a change did not need, MINIMAL every column but the key in
 * the before image and the columns a statement did not set in the after image (<a
 * href="https://dev.mysql.com/doc/refman/8.0/en/replication-options-binary-log.html#sysvar_binlog_row_image">MySQL</a>,
 * <a
 * href="https://mariadb.com/kb/en/replication-and-binary-log-system-variables/#binlog_row_image">MariaDB</a>).
 * Events of partial images carry only the columns received (docs/event-format.md).
 */
public final class RowImage {

    private static final Logger LOG = LoggerFactory.getLogger(RowImage.class);

    private RowImage() {}

    /**
     * The global {@code binlog_row_image}, upper case; FULL when the server has no such variable.
     */
    static String read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE 'binlog_row_image'")) {
            return rs.next() ? rs.getString(2).toUpperCase(Locale.ROOT) : "FULL";
        }
    }

    /**
     * Whether the server of {@code config} logs partial row images (connects to it); true when it
     * cannot tell, since snapshots without backfill, which this decides, are right for every image.
     */
    static boolean isPartial(SourceConfig config) {
        MySqlJdbc jdbc = MySqlJdbc.of(config);
        try (Connection c = jdbc.connect()) {
            return isPartial(read(c));
        } catch (SQLException e) {
            LOG.warn(
                    "Cannot read binlog_row_image of {} ({}): snapshots run without backfill, as"
                            + " for partial row images",
                    jdbc.where(),
                    e.getMessage());
            return true;
        }
    }

    static boolean isPartial(String image) {
        return !"FULL".equals(image);
    }

    /** A problem for a row image cdc-source cannot read, else null. */
    static String problem(String image) {
        return MySqlValidator.READABLE_ROW_IMAGES.contains(image)
                ? null
                : "binlog_row_image is " + image + ", expected FULL, NOBLOB or MINIMAL";
    }

    /** One line saying what cdc-source does with the server's row image. */
    static String explanation(String image) {
        if (!isPartial(image)) {
            return "binlog_row_image=FULL: every change carries the whole row";
        }
        return "binlog_row_image="
                + image
                + ": changes carry only the columns the binlog logs; an UPDATE's missing columns"
                + " are taken from its before image or, in the sink, from the row's earlier image"
                + " or the target row (only the columns received are written); a row the sink"
                + " cannot complete (an INSERT whose omitted columns took their DEFAULT, for a key"
                + " the target does not have) quarantines its table; snapshots run without"
                + " backfill (docs/cdc-source.md#partial-row-images)";
    }
}
