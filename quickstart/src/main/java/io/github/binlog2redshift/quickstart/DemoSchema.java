package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates the demo source on the local MariaDB: databases {@code shop} and {@code crm} from {@code
 * demo-schema.sql}, and a CDC user with only the privileges the source job needs (as in
 * production), so the demo also shows that the least-privilege setup works.
 */
final class DemoSchema {

    static final List<String> DATABASES = List.of("shop", "crm");
    static final List<String> TABLES =
            List.of(
                    "shop.customers",
                    "shop.orders",
                    "shop.order_lines",
                    "crm.contacts",
                    "crm.activities");
    static final String CDC_USER = "b2r_cdc";

    private static final String DATABASES_QUERY =
            "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name";
    private static final String TABLES_QUERY =
            "SELECT CONCAT(table_schema, '.', table_name) FROM information_schema.tables"
                    + " WHERE table_type = 'BASE TABLE' ORDER BY 1";

    private DemoSchema() {}

    /** The CDC user's credentials; the password is random per run and never printed. */
    record CdcUser(String name, String password) {
        @Override
        public String toString() {
            return "CdcUser[" + name + "]";
        }
    }

    /** Creates the databases, tables and the CDC user; returns the user. */
    static CdcUser create(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            for (String statement : statements()) {
                s.execute(statement);
            }
            String password = Long.toString(new SecureRandom().nextLong() & Long.MAX_VALUE, 36);
            s.execute("CREATE USER '" + CDC_USER + "'@'%' IDENTIFIED BY '" + password + "'");
            for (String db : DATABASES) {
                grantRead(s, db);
            }
            // REPLICATION CLIENT is MariaDB's BINLOG MONITOR.
            s.execute(
                    "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + CDC_USER + "'@'%'");
            return new CdcUser(CDC_USER, password);
        }
    }

    /**
     * What {@link #extend} added.
     *
     * @param statements statements run
     * @param databases databases the script created, now readable by the CDC user
     * @param tables base tables the script created, {@code db.table}, in any database
     */
    record Extension(int statements, List<String> databases, List<String> tables) {}

    /**
     * Runs {@code script} (a user's {@code --extra-sql}) as the administrator, after {@link
     * #create}, and lets the CDC user read every database it created (run-local captures them too).
     * A failing statement stops the script, naming its file, line and the server's message.
     */
    static Extension extend(Connection admin, MySqlScript script) throws SQLException {
        List<String> databasesBefore = names(admin, DATABASES_QUERY);
        List<String> tablesBefore = names(admin, TABLES_QUERY);
        try (Statement s = admin.createStatement()) {
            for (MySqlScript.Statement statement : script.statements()) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new ConfigException(
                            "The statement on line "
                                    + statement.line()
                                    + " of "
                                    + script.file()
                                    + " failed on the demo MariaDB: "
                                    + e.getMessage(),
                            e);
                }
            }
            List<String> databases = new ArrayList<>(names(admin, DATABASES_QUERY));
            databases.removeAll(databasesBefore);
            for (String db : databases) {
                grantRead(s, db);
            }
            List<String> tables = new ArrayList<>(names(admin, TABLES_QUERY));
            tables.removeAll(tablesBefore);
            return new Extension(script.statements().size(), databases, tables);
        }
    }

    private static List<String> names(Connection c, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static void grantRead(Statement s, String database) throws SQLException {
        s.execute(
                "GRANT SELECT ON `"
                        + database.replace("`", "``")
                        + "`.* TO '"
                        + CDC_USER
                        + "'@'%'");
    }

    static List<String> statements() {
        String resource = "io/github/binlog2redshift/quickstart/demo-schema.sql";
        try (InputStream in = DemoSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return java.util.Arrays.stream(text.split("(?m)^;\\s*$"))
                    .map(DemoSchema::withoutComments)
                    .filter(s -> !s.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static String withoutComments(String statement) {
        return statement.replaceAll("(?m)^--.*$", "").trim();
    }
}
