package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.StartupMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the MySQL server before the job is built, so that misconfiguration fails at start with a
 * message saying what to fix, instead of a restart loop deep inside Flink CDC: connectivity, the
 * binlog settings (ROW format, FULL row image), the replication privileges, and that every database
 * and table pattern matches something (see {@link CapturedTables}). Tables skipped for their names
 * ({@link TableNames}) are warnings, not problems: one such table must not stop the others.
 */
public final class SourcePreflight {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePreflight.class);

    private SourcePreflight() {}

    /**
     * Runs every check and throws one exception listing all problems found.
     *
     * @return the warnings, already logged: each selected table skipped for its name ({@link
     *     TableNames}), saying what to do
     */
    public static List<String> check(SourceConfig config) {
        MySqlJdbc jdbc = MySqlJdbc.of(config);
        String where = jdbc.where();
        List<String> problems = new ArrayList<>();
        List<String> warnings;
        try (Connection c = jdbc.connect()) {
            checkVariable(c, "binlog_format", "ROW", problems);
            checkVariable(c, "binlog_row_image", "FULL", problems);
            checkReplicationGrants(c, problems);
            checkBinlogStatusAccess(c, problems);
            CapturedTables tables = CapturedTables.read(c);
            problems.addAll(tables.problems(config, needsSnapshot(config)));
            warnings = tables.warnings(config);
            warnings.forEach(w -> LOG.warn("Preflight of {}: {}", where, w));
            LOG.info(
                    "Preflight of {}: {} captured tables, {} skipped for their names, {} problems",
                    where,
                    tables.captured(config).size(),
                    warnings.size(),
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
        return warnings;
    }

    static boolean needsSnapshot(SourceConfig config) {
        StartupMode m = config.startup().mode();
        return m == StartupMode.INITIAL || m == StartupMode.SNAPSHOT;
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
