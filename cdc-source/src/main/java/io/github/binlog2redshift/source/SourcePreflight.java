package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.StartupMode;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the MySQL server before the job is built, so that misconfiguration fails at start with a
 * message saying what to fix, instead of a restart loop deep inside Flink CDC: connectivity, the
 * binlog settings (ROW format, FULL row image), the replication privileges, and that every database
 * and table pattern matches something (see {@link CapturedTables}).
 */
public final class SourcePreflight {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePreflight.class);

    private SourcePreflight() {}

    /** Runs every check and throws one exception listing all problems found. */
    public static void check(SourceConfig config) {
        String where =
                config.mysql().username()
                        + "@"
                        + config.mysql().hostname()
                        + ":"
                        + config.mysql().port();
        List<String> problems = new ArrayList<>();
        try (Connection c = connect(config)) {
            checkVariable(c, "binlog_format", "ROW", problems);
            checkVariable(c, "binlog_row_image", "FULL", problems);
            checkReplicationGrants(c, problems);
            checkBinlogStatusAccess(c, problems);
            CapturedTables tables = CapturedTables.read(c);
            problems.addAll(tables.problems(config, needsSnapshot(config)));
            LOG.info(
                    "Preflight of {}: {} captured tables, {} problems",
                    where,
                    tables.captured(config).size(),
                    problems.size());
        } catch (SQLException e) {
            throw new SourcePreflightException(
                    "cannot check MySQL " + where + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new SourcePreflightException(
                    "MySQL "
                            + where
                            + " is not ready for cdc-source:\n  - "
                            + String.join("\n  - ", problems));
        }
    }

    static boolean needsSnapshot(SourceConfig config) {
        StartupMode m = config.startup().mode();
        return m == StartupMode.INITIAL || m == StartupMode.SNAPSHOT;
    }

    private static Connection connect(SourceConfig config) throws SQLException {
        Properties p = MySqlTlsProperties.jdbc(config.mysql().tls());
        p.setProperty("user", config.mysql().username());
        p.setProperty("password", config.mysql().password().reveal());
        p.setProperty("connectTimeout", "10000");
        String url =
                "jdbc:mysql://" + config.mysql().hostname() + ":" + config.mysql().port() + "/";
        return connect(url, p);
    }

    /**
     * Connects with the driver from this job's own class loader. DriverManager only knows the
     * drivers it found when it was first used in this JVM; on a Flink session cluster that was
     * under another job's class loader (or the cluster's), so {@code DriverManager.getConnection}
     * fails with "No suitable driver" for a driver in our jar. Drivers of the platform's lib/ are
     * still reached through DriverManager.
     */
    private static Connection connect(String url, Properties props) throws SQLException {
        Iterator<Driver> drivers =
                ServiceLoader.load(Driver.class, SourcePreflight.class.getClassLoader()).iterator();
        while (true) {
            Driver driver;
            try {
                if (!drivers.hasNext()) {
                    break;
                }
                driver = drivers.next();
            } catch (ServiceConfigurationError e) {
                continue; // a listed driver whose classes are not here; try the others
            }
            if (driver.acceptsURL(url)) {
                Connection connection = driver.connect(url, props);
                if (connection != null) {
                    return connection;
                }
            }
        }
        return DriverManager.getConnection(url, props);
    }

    private static void checkVariable(
            Connection c, String name, String expected, List<String> problems) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            String actual = rs.next() ? rs.getString(2) : null;
            if (actual == null || !actual.equalsIgnoreCase(expected)) {
                problems.add(
                        name
                                + " is "
                                + actual
                                + ", expected "
                                + expected
                                + " (set "
                                + name
                                + "="
                                + expected
                                + " in the server configuration)");
            }
        }
    }

    private static void checkReplicationGrants(Connection c, List<String> problems)
            throws SQLException {
        List<String> grants = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                grants.add(rs.getString(1));
            }
        }
        if (!hasGlobalPrivilege(grants, "REPLICATION SLAVE", "REPLICATION REPLICA")) {
            problems.add(
                    "missing privilege REPLICATION SLAVE (GRANT REPLICATION SLAVE ON *.* TO the"
                            + " user): needed to read the binlog");
        }
    }

    /** True when a {@code GRANT ... ON *.*} line lists one of the privileges or ALL PRIVILEGES. */
    static boolean hasGlobalPrivilege(List<String> grants, String... privileges) {
        for (String grant : grants) {
            String g = grant.toUpperCase(Locale.ROOT);
            int on = g.indexOf(" ON *.* ");
            if (!g.startsWith("GRANT ") || on < 0) {
                continue;
            }
            String list = g.substring("GRANT ".length(), on);
            if (list.contains("ALL PRIVILEGES")) {
                return true;
            }
            for (String p : privileges) {
                for (String item : list.split(",")) {
                    if (item.trim().equals(p)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** MySQL 8.4 renamed SHOW MASTER STATUS; MariaDB and older MySQL know only the old name. */
    private static void checkBinlogStatusAccess(Connection c, List<String> problems) {
        SQLException last = null;
        for (String sql : List.of("SHOW MASTER STATUS", "SHOW BINARY LOG STATUS")) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    problems.add("the binary log is off (start the server with --log-bin)");
                }
                return;
            } catch (SQLException e) {
                last = e;
            }
        }
        problems.add(
                "missing privilege REPLICATION CLIENT (MariaDB: BINLOG MONITOR), needed to read"
                        + " the binlog position: "
                        + last.getMessage());
    }
}
