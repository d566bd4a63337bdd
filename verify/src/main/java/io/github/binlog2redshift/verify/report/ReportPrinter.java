package io.github.binlog2redshift.verify.report;

import io.github.binlog2redshift.verify.compare.Difference;
import io.github.binlog2redshift.verify.compare.TableResult;
import io.github.binlog2redshift.verify.compare.TableResult.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The human-readable report: one line per table, then its differences (key and columns, values in
 * canonical form, quoted so an empty string and NULL stay distinguishable) and notes, then a
 * summary line. Rows excused by {@code --dead-lettered} are listed per table and counted in the
 * summary.
 */
public final class ReportPrinter {

    private static final int MAX_VALUE_CHARS = 80;

    private final PrintWriter out;

    public ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    public void table(TableResult r) {
        String name = r.source() + " -> " + r.target();
        switch (r.verdict()) {
            case ERROR -> out.printf("%-9s  %s: %s%n", "ERROR", name, r.error());
            default ->
                    out.printf(
                            "%-9s  %s  rows %d / %d, chunks %d, %d differ%s%n",
                            r.verdict(),
                            name,
                            r.sourceRows(),
                            r.targetRows(),
                            r.chunks(),
                            r.differingChunks(),
                            r.differingChunks() > 0
                                    ? " (" + r.rowsReadForDiff() + " rows re-read)"
                                    : "");
        }
        if (r.missing() + r.extra() + r.changed() > 0) {
            out.printf(
                    "  %d missing in target, %d extra in target, %d changed%n",
                    r.missing(), r.extra(), r.changed());
        }
        for (Difference d : r.differences()) {
            out.println("  " + describe(d, r.keyColumns()));
        }
        long total = r.missing() + r.extra() + r.changed();
        if (total > r.differences().size()) {
            out.printf(
                    "  ... %d more not shown (--max-differences)%n",
                    total - r.differences().size());
        }
        for (Difference d : r.deadLettered()) {
            out.println(
                    "  dead-lettered (not compared): key "
                            + key(d.key(), r.keyColumns())
                            + (d.type() == Difference.Type.MISSING
                                    ? ", missing in target"
                                    : ", changed in target"));
        }
        for (String note : r.notes()) {
            out.println("  note: " + note);
        }
        out.flush();
    }

    /** Prints the summary and returns the exit code: 0 equal, 1 different, 2 error. */
    public int summary(List<TableResult> results) {
        long equal = results.stream().filter(r -> r.verdict() == Verdict.EQUAL).count();
        long different = results.stream().filter(r -> r.verdict() == Verdict.DIFFERENT).count();
        long errors = results.stream().filter(r -> r.verdict() == Verdict.ERROR).count();
        long deadLettered = results.stream().mapToLong(r -> r.deadLettered().size()).sum();
        out.printf(
                "%d tables: %d equal, %d different, %d errors%s%n",
                results.size(),
                equal,
                different,
                errors,
                deadLettered > 0
                        ? "; " + deadLettered + " dead-lettered rows not compared (listed above)"
                        : "");
        out.flush();
        return errors > 0 ? 2 : different > 0 ? 1 : 0;
    }

    static String describe(Difference d, List<String> keyColumns) {
        String key = key(d.key(), keyColumns) + (d.count() > 1 ? "  x" + d.count() : "");
        return switch (d.type()) {
            case MISSING -> "missing in target  " + key;
            case EXTRA -> "extra in target    " + key;
            case CHANGED -> {
                List<String> parts = new ArrayList<>();
                for (Difference.ColumnChange c : d.changes()) {
                    parts.add(
                            c.column()
                                    + ": source "
                                    + value(c.source())
                                    + ", target "
                                    + value(c.target()));
                }
                yield "changed            " + key + "  " + String.join("; ", parts);
            }
        };
    }

    static String key(List<String> values, List<String> columns) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            parts.add(columns.get(i) + "=" + value(values.get(i)));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    static String value(String v) {
        if (v == null) {
            return "NULL";
        }
        String shown = v.length() > MAX_VALUE_CHARS ? v.substring(0, MAX_VALUE_CHARS) + "..." : v;
        return "'" + shown.replace("'", "''") + "'";
    }
}
