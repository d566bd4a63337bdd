package org.apache.flink.cdc.connectors.mysql;

import io.debezium.config.Configuration;
import io.debezium.jdbc.JdbcConnection;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.cdc.connectors.mysql.debezium.DebeziumUtils;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfig;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceOptions;
import org.apache.flink.cdc.debezium.Validator;
import org.apache.flink.table.api.TableException;
import org.apache.flink.table.api.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Flink CDC 3.5.0's class of this name, which its source's enumerator runs at start and
 * which refuses every {@code binlog_row_image} but FULL. cdc-source reads partial images too
 * (MINIMAL and NOBLOB: {@code RowDeserializers} marks the columns they hold, and the events say so,
 * see docs/event-format.md), so this one accepts them; its other checks are Flink CDC's: server
 * version 5.6 or later, {@code binlog_format=ROW}, no {@code binlog_row_value_options} (partial
 * JSON updates), and a server time zone that matches {@code server-time-zone}. The job jar excludes
 * the connector's copy; {@code MySqlValidatorTest} fails when another copy is loaded.
 */
public class MySqlValidator implements Validator {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MySqlValidator.class);

    /** The row images cdc-source reads. */
    public static final Set<String> READABLE_ROW_IMAGES = Set.of("FULL", "MINIMAL", "NOBLOB");

    private static final int TIME_ZONE_TOLERANCE_SECONDS = 60;

    private final Properties dbzProperties;
    private final MySqlSourceConfig sourceConfig;

    public MySqlValidator(Properties dbzProperties) {
        this.dbzProperties = dbzProperties;
        this.sourceConfig = null;
    }

    public MySqlValidator(MySqlSourceConfig sourceConfig) {
        this.dbzProperties = sourceConfig.getDbzProperties();
        this.sourceConfig = sourceConfig;
    }

    @Override
    public void validate() {
        try (JdbcConnection connection = connect()) {
            checkVersion(connection);
            String format = variable(connection, "binlog_format", "");
            if (!"ROW".equals(format)) {
                throw new ValidationException(
                        "The MySQL server has binlog_format " + format + "; set it to ROW");
            }
            String image = variable(connection, "binlog_row_image", "FULL");
            if (!READABLE_ROW_IMAGES.contains(image)) {
                throw new ValidationException(
                        "The MySQL server has binlog_row_image "
                                + image
                                + "; set FULL, NOBLOB or MINIMAL");
            }
            String valueOptions = variable(connection, "binlog_row_value_options", "");
            if (!valueOptions.isEmpty()) {
                throw new ValidationException(
                        "The MySQL server has binlog_row_value_options="
                                + valueOptions
                                + ", whose partial JSON updates cannot be read; remove the setting");
            }
            checkTimeZone(connection);
        } catch (SQLException e) {
            throw new TableException(
                    "Unexpected error while connecting to MySQL and validating", e);
        }
        LOG.info("MySQL validation passed.");
    }

    private JdbcConnection connect() {
        return sourceConfig != null
                ? DebeziumUtils.openJdbcConnection(sourceConfig)
                : DebeziumUtils.createMySqlConnection(
                        Configuration.from(dbzProperties), new Properties());
    }

    private static String variable(JdbcConnection c, String name, String absent)
            throws SQLException {
        return c.queryAndMap(
                        "SHOW GLOBAL VARIABLES LIKE '" + name + "'",
                        rs -> rs.next() ? rs.getString(2) : absent)
                .trim()
                .toUpperCase(Locale.ROOT);
    }

    private static void checkVersion(JdbcConnection c) throws SQLException {
        String version = c.queryAndMap("SELECT VERSION()", rs -> rs.next() ? rs.getString(1) : "");
        String[] parts = version.split("[.-]");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        if (major < 5 || (major == 5 && minor < 6)) {
            throw new ValidationException(
                    "MySQL " + version + " is older than 5.6, which Flink CDC needs");
        }
    }

    /** The server's current UTC offset must be the configured zone's (standard or current). */
    private void checkTimeZone(JdbcConnection c) throws SQLException {
        String zone = dbzProperties.getProperty("database.serverTimezone");
        if (zone == null) {
            LOG.warn(
                    "{} is not set, which might cause data inconsistencies for time-related fields.",
                    MySqlSourceOptions.SERVER_TIME_ZONE.key());
            return;
        }
        int serverOffset =
                c.queryAndMap(
                        "SELECT TIME_TO_SEC(TIMEDIFF(NOW(), UTC_TIMESTAMP()))",
                        rs -> rs.next() ? rs.getInt(1) : 0);
        ZoneId id = ZoneId.of(zone);
        java.time.Instant now = java.time.Instant.now();
        ZoneOffset current = id.getRules().getOffset(now);
        ZoneOffset standard = id.getRules().getStandardOffset(now);
        if (Math.abs(serverOffset - current.getTotalSeconds()) > TIME_ZONE_TOLERANCE_SECONDS
                && Math.abs(serverOffset - standard.getTotalSeconds())
                        > TIME_ZONE_TOLERANCE_SECONDS) {
            throw new ValidationException(
                    "The MySQL server's UTC offset is "
                            + serverOffset
                            + " seconds, which does not match the configured time zone "
                            + zone
                            + "; set the right "
                            + MySqlSourceOptions.SERVER_TIME_ZONE.key());
        }
    }
}
