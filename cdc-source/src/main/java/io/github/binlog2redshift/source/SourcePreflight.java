package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.DeliveryGuarantee;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.StartupMode;
import io.github.binlog2redshift.config.source.TopicRouting;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.source.kafka.ChangeEventKafkaSink;
import io.github.binlog2redshift.source.kafka.KafkaTopicCheck;
import io.github.binlog2redshift.source.kafka.TopicSelector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the MySQL server before the job is built, so that misconfiguration fails at start with a
 * message saying what to fix, instead of a restart loop deep inside Flink CDC: connectivity, the
 * binlog settings (ROW format, a row image it reads: {@link RowImage}), the replication privileges,
 * and that every database and table pattern matches something (see {@link CapturedTables}); and
 * that the Kafka topics it writes exist and take its largest record ({@link KafkaTopicCheck}).
 * Tables skipped for their names ({@link TableNames}) are warnings, not problems: one such table
 * must not stop the others.
 */
public final class SourcePreflight {

    private static final Logger LOG = LoggerFactory.getLogger(SourcePreflight.class);

    private SourcePreflight() {}

    /**
     * Runs every check and throws one exception listing all problems found.
     *
     * @return the warnings, already logged: each selected table skipped for its name ({@link
     *     TableNames}), saying what to do, and each topic check Kafka did not allow
     */
    public static List<String> check(SourceConfig config) {
        MySqlJdbc jdbc = MySqlJdbc.of(config);
        String where = jdbc.where();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        CapturedTables tables;
        try (Connection c = jdbc.connect()) {
            checkVariable(c, "binlog_format", "ROW", problems);
            String image = RowImage.read(c);
            if (RowImage.problem(image) != null) {
                problems.add(RowImage.problem(image));
            } else {
                LOG.info("Preflight of {}: {}", where, RowImage.explanation(image));
            }
            checkReplicationGrants(c, problems);
            checkBinlogStatusAccess(c, problems);
            tables = CapturedTables.read(c);
            problems.addAll(tables.problems(config, needsSnapshot(config)));
            warnings.addAll(tables.warnings(config, needsSnapshot(config)));
            if (atLeastOnceSnapshot(config)) {
                String uncovered =
                        UncoveredTables.describe(
                                UncoveredTables.read(
                                        c,
                                        config,
                                        tables.captured(config),
                                        tables.withPrimaryKey()),
                                config.chunkSize());
                snapshotDeliveryWarning(config, uncovered).ifPresent(warnings::add);
                if (uncovered.isEmpty()) {
                    LOG.info(
                            "Preflight of {}: every captured table's snapshot chunks carry a key"
                                    + " range, so an at-least-once snapshot that fails over loses"
                                    + " no delete",
                            where);
                }
            }
        } catch (SQLException e) {
            throw new SourcePreflightException(
                    "cannot check MySQL " + where + ": " + e.getMessage(), e);
        }
        Properties producer = ChangeEventKafkaSink.producerProperties(config.kafka());
        KafkaTopicCheck kafka =
                KafkaTopicCheck.run(
                        producer,
                        topics(config, tables.captured(config)),
                        ChangeEventKafkaSink.maxRequestSize(producer));
        problems.addAll(kafka.problems());
        warnings.addAll(kafka.warnings());
        warnings.forEach(w -> LOG.warn("Preflight of {}: {}", where, w));
        LOG.info(
                "Preflight of {}: {} captured tables, {} warnings, {} problems",
                where,
                tables.captured(config).size(),
                warnings.size(),
                problems.size());
        if (!problems.isEmpty()) {
            throw new SourcePreflightException(
                    "MySQL "
                            + where
                            + " and Kafka "
                            + config.kafka().bootstrapServers()
                            + " are not ready for cdc-source:\n  - "
                            + String.join("\n  - ", problems));
        }
        return warnings;
    }

    /**
     * Every topic the job writes that is known at start, with the option naming it: the change
     * topics of the captured tables and the dead-letter topic.
     */
    static Map<String, String> topics(SourceConfig config, List<TableId> captured) {
        TopicSelector selector = TopicSelector.from(config.kafka());
        String option =
                config.kafka().routing() == TopicRouting.SINGLE
                        ? "kafka.topic"
                        : "kafka.topic-prefix";
        Map<String, String> topics = new LinkedHashMap<>();
        if (config.kafka().routing() == TopicRouting.SINGLE) {
            topics.put(config.kafka().topic().orElseThrow(), option);
        }
        for (TableId t : captured) {
            topics.put(selector.topicFor(t.database(), t.table()), option);
        }
        topics.put(selector.deadLetterTopic(), "kafka.dead-letter-topic");
        return topics;
    }

    /**
     * What is left of the hazard of an at-least-once snapshot (docs/cdc-source.md, "Snapshots and
     * the delivery guarantee"): chunks carry their key range, which lets the sink remove what a
     * first read of a chunk read again left, except on the tables {@code uncovered} names ({@link
     * UncoveredTables#describe}).
     */
    static Optional<String> snapshotDeliveryWarning(SourceConfig config, String uncovered) {
        if (!atLeastOnceSnapshot(config) || uncovered.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                "kafka.delivery-guarantee is AT_LEAST_ONCE and the job starts with a snapshot: if"
                        + " it fails over while the snapshot runs, a row deleted in MySQL meanwhile"
                        + " can stay in the target of these tables, "
                        + uncovered
                        + " (the sink removes such rows by the chunk's key range, which it only"
                        + " compares for integer keys and whole-table chunks); EXACTLY_ONCE has no"
                        + " such gap (docs/cdc-source.md)");
    }

    static boolean atLeastOnceSnapshot(SourceConfig config) {
        return needsSnapshot(config)
                && config.kafka().deliveryGuarantee() == DeliveryGuarantee.AT_LEAST_ONCE;
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
