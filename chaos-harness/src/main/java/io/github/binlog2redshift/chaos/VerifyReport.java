package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import io.github.binlog2redshift.verify.VerifyCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The captured tables compared by verify (keyed tables row for row, the keyless table as a
 * multiset, each target found through the sink's own properties file) and its report read back into
 * per-table counts: "missing in target" is lost, "extra in target" duplicated, "changed" differing.
 */
final class VerifyReport {
    private static final Pattern TABLE =
            Pattern.compile(
                    "^(EQUAL|DIFFERENT|ERROR)\\s+\\S+?\\.(\\w+) -> (\\S+)(?:  rows (\\d+))?");
    private static final Pattern COUNTS =
            Pattern.compile(
                    "^\\s+(\\d+) missing in target, (\\d+) extra in target, (\\d+) changed");

    private VerifyReport() {}

    /**
     * Runs verify; the counts per captured table, or one failed entry with verify's output. The
     * report (with the keys that differ) is written to {@code reportFile}, replacing an earlier
     * one, so that a failed run keeps its last comparison.
     */
    static List<TableCounts> compare(
            MySqlDatabase source, WarehouseDatabase target, Path sinkProperties, Path reportFile) {
        StringWriter out = new StringWriter();
        int code =
                VerifyCommand.run(
                        new PrintWriter(out, true),
                        new PrintWriter(out, true),
                        "--source-url",
                        source.jdbcUrl(),
                        "--source-user",
                        source.user(),
                        "--source-password",
                        source.password(),
                        "--target-url",
                        target.jdbcUrl(),
                        "--target-user",
                        target.user(),
                        "--target-password",
                        target.password(),
                        "--sink-config",
                        sinkProperties.toString(),
                        "--tables",
                        SourceSchema.tableList(source),
                        "--no-progress");
        try {
            Files.writeString(reportFile, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + reportFile, e);
        }
        List<TableCounts> counts = parse(out.toString());
        if (counts.isEmpty() || (code == 2 && counts.stream().allMatch(TableCounts::exact))) {
            return List.of(TableCounts.failed("verify", "exit " + code + ": " + out));
        }
        return counts;
    }

    static List<TableCounts> parse(String report) {
        List<TableCounts> counts = new ArrayList<>();
        Table current = null;
        for (String line : report.split("\n")) {
            Matcher t = TABLE.matcher(line);
            Matcher c = COUNTS.matcher(line);
            if (t.find()) {
                if (current != null) {
                    counts.add(current.counts());
                }
                current = new Table(t.group(2), t.group(1), line);
                current.rows = t.group(4) == null ? 0 : Long.parseLong(t.group(4));
            } else if (current != null && c.find()) {
                for (int i = 0; i < 3; i++) {
                    current.n[i] = Long.parseLong(c.group(i + 1));
                }
            } else if (current != null && line.startsWith("  note: ")) {
                current.notes.append(line.substring(8)).append("; ");
            }
        }
        if (current != null) {
            counts.add(current.counts());
        }
        return counts;
    }

    /** One table's lines of the report while they are read. */
    private static final class Table {
        final String name;
        final String verdict;
        final String line;
        final long[] n = new long[3];
        final StringBuilder notes = new StringBuilder();
        long rows;

        Table(String name, String verdict, String line) {
            this.name = name;
            this.verdict = verdict;
            this.line = line;
        }

        /**
         * A table verify did not find equal without counting a row (an error, a target missing or
         * of another shape) is an error, never a match.
         */
        TableCounts counts() {
            boolean uncounted = n[0] + n[1] + n[2] == 0 && !verdict.equals("EQUAL");
            String error =
                    uncounted ? line.trim() + (notes.length() > 0 ? " (" + notes + ")" : "") : null;
            return new TableCounts(name, rows, n[0], n[1], n[2], error);
        }
    }
}
