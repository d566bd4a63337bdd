package io.github.binlog2redshift.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
                s.execute("GRANT SELECT ON `" + db + "`.* TO '" + CDC_USER + "'@'%'");
            }
            // REPLICATION CLIENT is MariaDB's BINLOG MONITOR.
            s.execute(
                    "GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + CDC_USER + "'@'%'");
            return new CdcUser(CDC_USER, password);
        }
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
