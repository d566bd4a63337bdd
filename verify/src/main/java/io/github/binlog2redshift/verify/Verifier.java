package io.github.binlog2redshift.verify;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.VerifyCommand.TargetKind;
import io.github.binlog2redshift.verify.compare.DeadLettered;
import io.github.binlog2redshift.verify.compare.Progress;
import io.github.binlog2redshift.verify.compare.TableComparator;
import io.github.binlog2redshift.verify.compare.TableResult;
import io.github.binlog2redshift.verify.dialect.MySqlDialect;
import io.github.binlog2redshift.verify.dialect.PostgresDialect;
import io.github.binlog2redshift.verify.dialect.RedshiftDialect;
import io.github.binlog2redshift.verify.jdbc.MySqlCatalog;
import io.github.binlog2redshift.verify.jdbc.Side;
import io.github.binlog2redshift.verify.mapping.SinkTables;
import io.github.binlog2redshift.verify.mapping.TableMapping;
import io.github.binlog2redshift.verify.mapping.TableMode;
import io.github.binlog2redshift.verify.mapping.TableSelector;
import io.github.binlog2redshift.verify.report.ReportPrinter;
import io.github.binlog2redshift.verify.report.TerminalProgress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs a whole verification from parsed options: connects to both sides, selects and maps the
 * tables, compares them one after the other and prints the report. Tables are compared one at a
 * time on one connection per side, so verify adds at most one query of load to each database.
 */
final class Verifier {

    private final VerifyCommand options;
    private final TargetKind kind;
    private final TableMapping mapping;

    /** The sink's configuration ({@code --sink-config}), or {@code null}. */
    private final SinkTables sink;

    Verifier(VerifyCommand options, TargetKind kind, TableMapping mapping, SinkTables sink) {
        this.options = options;
        this.kind = kind;
        this.mapping = mapping;
        this.sink = sink;
    }

    int run() throws SQLException {
        ReportPrinter report = new ReportPrinter(options.out);
        try (Side source =
                        Side.source(
                                connect(
                                        "source",
                                        options.sourceUrl,
                                        options.sourceUser,
                                        options.sourcePassword),
                                new MySqlDialect());
                Side target =
                        Side.target(
                                connect(
                                        "target",
                                        options.targetUrl,
                                        options.targetUser,
                                        options.targetPassword),
                                kind == TargetKind.redshift
                                        ? new RedshiftDialect()
                                        : new PostgresDialect(),
                                options.fetchSize)) {
            TableSelector selector = new TableSelector(options.tables, options.exclude);
            MySqlCatalog catalog = new MySqlCatalog(source.connection());
            List<TableId> tables =
                    catalog.tables().stream()
                            .filter(selector::selects)
                            .filter(t -> sink == null || sink.loads(t))
                            .toList();
            if (tables.isEmpty()) {
                throw new IllegalArgumentException(
                        "no source table matches --tables "
                                + options.tables
                                + " and --exclude "
                                + options.exclude
                                + (sink == null ? "" : " among the tables the sink loads"));
            }
            Progress progress = options.noProgress ? Progress.NONE : new TerminalProgress();
            TableComparator comparator =
                    new TableComparator(
                            source,
                            target,
                            options.chunkSize,
                            options.maxDifferences,
                            progress,
                            options.deadLettered == null
                                    ? DeadLettered.NONE
                                    : DeadLettered.read(options.deadLettered));
            List<TableResult> results = new ArrayList<>();
            for (TableId table : tables) {
                if (sink != null
                        && sink.keylessAsLog(table)
                        && catalog.primaryKey(table).isEmpty()) {
                    options.out.println(
                            "table "
                                    + table.database()
                                    + "."
                                    + table.table()
                                    + ": not compared, the sink keeps this table without a key as a"
                                    + " change log (keyless append or soft_delete)");
                    continue;
                }
                TableResult result =
                        comparator.compare(table, mapping.targetOf(table), modeOf(table));
                report.table(result);
                results.add(result);
            }
            return report.summary(results);
        }
    }

    /** The command line's modes, and the sink's rule for the table when its config is given. */
    private TableMode modeOf(TableId table) {
        TableMode rule =
                sink == null ? TableMode.STRICT : sink.modeOf(table, options.softDeleteColumn);
        boolean softDelete =
                rule.softDeleteColumn() != null || TableSelector.matches(options.softDelete, table);
        return new TableMode(
                softDelete ? options.softDeleteColumn : null,
                rule.skipDelete() || TableSelector.matches(options.skipDelete, table),
                rule.ignoreDdl() || TableSelector.matches(options.ignoreDdl, table));
    }

    /** Connects; the error names the side and the URL, never the password. */
    private static Connection connect(String side, String url, String user, String password)
            throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, props);
        } catch (SQLException e) {
            throw new SQLException(
                    "cannot connect to the " + side + " " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    /** A JDBC URL may carry {@code password=...} among its parameters; never echo it. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password[^=&;]*)=[^&;]*", "$1=***");
    }
}
