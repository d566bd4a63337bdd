package io.github.binlog2redshift.bench.stack;

import io.github.binlog2redshift.localstack.LocalStack;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops what the scenarios of a run left in its one stack: Kafka topics, PostgreSQL databases and
 * MariaDB databases. Kept until the end, a full run's data reached 79 GB by its latency scenario
 * (Kafka 60, PostgreSQL 13, MariaDB 7) and filled the disk. Call {@link #dropAllBut} after each
 * scenario; only services already started are touched (a directory of the stack says so), and the
 * topics whose names start with a kept prefix (a workload another scenario reads) stay.
 */
public final class ScenarioData {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioData.class);

    private static final Set<String> SYSTEM_DATABASES =
            Set.of(
                    "postgres",
                    "template0",
                    "template1",
                    "mysql",
                    "information_schema",
                    "performance_schema",
                    "sys",
                    "test");

    private ScenarioData() {}

    /** Drops every topic and database of {@code stack} except those named above or kept. */
    public static void dropAllBut(LocalStack stack, List<String> keptTopicPrefixes) {
        int topics = 0;
        int databases = 0;
        try {
            if (started(stack, "kafka")) {
                topics = dropTopics(stack.kafka().bootstrapServers(), keptTopicPrefixes);
            }
            if (started(stack, "postgres")) {
                try (Connection c = stack.postgres().connect("postgres")) {
                    databases += drop(c, "SELECT datname FROM pg_database", " WITH (FORCE)", '"');
                }
            }
            if (started(stack, "mariadb")) {
                try (Connection c = stack.mySql().connect("mysql")) {
                    databases += drop(c, "SHOW DATABASES", "", '`');
                }
            }
        } catch (Exception e) {
            // A full disk is what this prevents; a failed clean-up only risks that, not a figure.
            LOG.warn("could not drop the data the scenario left: {}", e.toString());
        }
        LOG.info("dropped {} topics and {} databases the scenario left", topics, databases);
    }

    private static boolean started(LocalStack stack, String service) {
        return Files.isDirectory(stack.directory().resolve(service));
    }

    private static int dropTopics(String bootstrap, List<String> keptPrefixes) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> drop = new ArrayList<>();
            for (String t : admin.listTopics().names().get(60, TimeUnit.SECONDS)) {
                if (keptPrefixes.stream().noneMatch(t::startsWith)) {
                    drop.add(t);
                }
            }
            if (!drop.isEmpty()) {
                admin.deleteTopics(drop).all().get(120, TimeUnit.SECONDS);
            }
            return drop.size();
        }
    }

    private static int drop(Connection c, String list, String suffix, char quote)
            throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(list)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        names.removeAll(SYSTEM_DATABASES);
        try (Statement s = c.createStatement()) {
            for (String n : names) {
                String q = String.valueOf(quote);
                s.execute("DROP DATABASE " + q + n.replace(q, q + q) + q + suffix);
            }
        }
        return names.size();
    }
}
