package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.event.TableId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The tables the user can see on the server (from {@code information_schema}, which lists only
 * tables the user has a privilege on) and which of them have a primary key (column_key PRI, visible
 * with SELECT); matched against the configured patterns with whole-name matching, as Debezium's
 * include lists match. A selected table whose name Flink CDC cannot capture ({@link TableNames}) is
 * not captured: it is reported as a warning, and is an error only when a {@code source.table-list}
 * pattern selects nothing else.
 */
final class CapturedTables {

    private final Set<TableId> tables;
    private final Set<TableId> withPrimaryKey;
    private final Map<TableId, List<String>> timeColumns;

    CapturedTables(Set<TableId> tables, Set<TableId> withPrimaryKey) {
        this(tables, withPrimaryKey, Map.of());
    }

    CapturedTables(
            Set<TableId> tables,
            Set<TableId> withPrimaryKey,
            Map<TableId, List<String>> timeColumns) {
        this.tables = tables;
        this.withPrimaryKey = withPrimaryKey;
        this.timeColumns = timeColumns;
    }

    static CapturedTables read(Connection c) throws SQLException {
        Set<TableId> tables = new TreeSet<>();
        Set<TableId> withPk = new TreeSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT t.table_schema, t.table_name,"
                                        + " EXISTS (SELECT 1 FROM information_schema.columns k"
                                        + " WHERE k.table_schema = t.table_schema"
                                        + " AND k.table_name = t.table_name"
                                        + " AND k.column_key = 'PRI')"
                                        + " FROM information_schema.tables t"
                                        + " WHERE t.table_type = 'BASE TABLE' AND t.table_schema"
                                        + " NOT IN ('mysql', 'information_schema',"
                                        + " 'performance_schema', 'sys')")) {
            while (rs.next()) {
                TableId t = TableId.of(rs.getString(1), rs.getString(2));
                tables.add(t);
                if (rs.getBoolean(3)) {
                    withPk.add(t);
                }
            }
        }
        Map<TableId, List<String>> time = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT table_schema, table_name, column_name"
                                        + " FROM information_schema.columns"
                                        + " WHERE data_type = 'time' AND table_schema"
                                        + " NOT IN ('mysql', 'information_schema',"
                                        + " 'performance_schema', 'sys')"
                                        + " ORDER BY ordinal_position")) {
            while (rs.next()) {
                time.computeIfAbsent(
                                TableId.of(rs.getString(1), rs.getString(2)),
                                t -> new ArrayList<>())
                        .add(rs.getString(3));
            }
        }
        return new CapturedTables(tables, withPk, time);
    }

    /** Every visible base table outside the system schemas. */
    Set<TableId> tables() {
        return tables;
    }

    /** The tables among them that have a primary key. */
    Set<TableId> withPrimaryKey() {
        return withPrimaryKey;
    }

    /** The tables the configuration selects and Flink CDC can capture. */
    List<TableId> captured(SourceConfig config) {
        return tables.stream()
                .filter(t -> config.captures(t.database(), t.table()) && TableNames.capturable(t))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The tables the configuration selects but whose names Flink CDC cannot capture. */
    List<TableId> uncapturable(SourceConfig config) {
        return tables.stream()
                .filter(t -> config.captures(t.database(), t.table()) && !TableNames.capturable(t))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * One warning per selected table that is skipped for its name, saying what to do; with a
     * snapshot, one per TIME column of a captured table: Flink CDC 3.5's snapshot reads a TIME
     * above -01:00:00 and below zero without its sign (Debezium's {@code stringToDuration} parses
     * the hours {@code -00} as 0). Binlog changes are read exactly; the snapshot cannot be fixed
     * from outside Flink CDC, and finding such values takes a scan, so the warning says how.
     */
    List<String> warnings(SourceConfig config, boolean snapshot) {
        List<String> warnings = new ArrayList<>();
        uncapturable(config).forEach(t -> warnings.add(TableNames.problem(t).orElseThrow()));
        if (snapshot) {
            for (TableId t : captured(config)) {
                for (String column : timeColumns.getOrDefault(t, List.of())) {
                    String table =
                            TableNames.quoted(t.database()) + "." + TableNames.quoted(t.table());
                    String col = TableNames.quoted(column);
                    warnings.add(
                            "column "
                                    + table
                                    + "."
                                    + col
                                    + " is TIME: the snapshot reads a value between -00:59:59.999999"
                                    + " and -00:00:00.000001 without its minus sign (Flink CDC"
                                    + " 3.5); find such rows with SELECT COUNT(*) FROM "
                                    + table
                                    + " WHERE "
                                    + col
                                    + " < 0 AND "
                                    + col
                                    + " > '-01:00:00' (docs/event-format.md)");
                }
            }
        }
        return warnings;
    }

    /** What is wrong, one sentence each, naming the option to fix. */
    List<String> problems(SourceConfig config, boolean snapshot) {
        List<String> problems = new ArrayList<>();
        for (Pattern db : config.databaseList()) {
            if (tables.stream().noneMatch(t -> db.matcher(t.database()).matches())) {
                problems.add(
                        "source.database-list pattern '"
                                + db.pattern()
                                + "' matches no database with tables visible to the user"
                                + " (a typo, or SELECT not granted)");
            }
        }
        for (Pattern table : config.tableList()) {
            boolean any =
                    tables.stream()
                            .anyMatch(
                                    t ->
                                            config.captures(t.database(), t.table())
                                                    && table.matcher(t.toString()).matches());
            if (!any) {
                problems.add(
                        "source.table-list pattern '"
                                + table.pattern()
                                + "' matches no table of the captured databases (patterns match"
                                + " the whole <database>.<table>; escape the dot)");
            } else if (captured(config).stream()
                    .noneMatch(t -> table.matcher(t.toString()).matches())) {
                problems.add(
                        "source.table-list pattern '"
                                + table.pattern()
                                + "' matches only tables whose names Flink CDC 3.5 cannot"
                                + " capture (a single quote, or a backtick or double quote at the"
                                + " start or end of a name): rename them (RENAME TABLE) or drop"
                                + " the pattern");
            }
        }
        if (snapshot) {
            for (TableId t : captured(config)) {
                if (!withPrimaryKey.contains(t)
                        && !config.chunkKeyColumns().containsKey(t.toString())) {
                    problems.add(
                            "table "
                                    + t
                                    + " has no primary key: set a snapshot split column with"
                                    + " source.chunk-key-columns="
                                    + t
                                    + "=<column>");
                }
            }
        }
        return problems;
    }
}
