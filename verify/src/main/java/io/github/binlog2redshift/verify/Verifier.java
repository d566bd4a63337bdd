package io.github.binlog2redshift.verify;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.VerifyCommand.TargetKind;
import io.github.binlog2redshift.verify.compare.Progress;
import io.github.binlog2redshift.verify.compare.TableComparator;
import io.github.binlog2redshift.verify.compare.TableResult;
import io.github.binlog2redshift.verify.dialect.MySqlDialect;
import io.github.binlog2redshift.verify.dialect.PostgresDialect;
import io.github.binlog2redshift.verify.dialect.RedshiftDialect;
import io.github.binlog2redshift.verify.jdbc.MySqlCatalog;
import io.github.binlog2redshift.verify.jdbc.Side;
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

    Verifier(VerifyCommand options, TargetKind kind, TableMapping mapping) {
        this.options = options;
        this.kind = kind;
        this.mapping = mapping;
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
            List<TableId> tables =
                    new MySqlCatalog(source.connection())
                            .tables().stream().filter(selector::selects).toList();
            if (tables.isEmpty()) {
                throw new IllegalArgumentException(
                        "no source table matches --tables "
                                + options.tables
                                + " and --exclude "
                                + options.exclude);
            }
            Progress progress = options.noProgress ? Progress.NONE : new TerminalProgress();
            TableComparator comparator =
                    new TableComparator(
                            source, target, options.chunkSize, options.maxDifferences, progress);
            List<TableResult> results = new ArrayList<>();
            for (TableId table : tables) {
                TableResult result =
                        comparator.compare(table, mapping.targetOf(table), modeOf(table));
                report.table(result);
                results.add(result);
            }
            return report.summary(results);
        }
    }

    private TableMode modeOf(TableId table) {
        return new TableMode(
                TableSelector.matches(options.softDelete, table) ? options.softDeleteColumn : null,
                TableSelector.matches(options.skipDelete, table),
                TableSelector.matches(options.ignoreDdl, table));
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
