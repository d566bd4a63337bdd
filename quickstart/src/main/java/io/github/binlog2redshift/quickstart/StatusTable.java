package io.github.binlog2redshift.quickstart;

import java.io.PrintStream;

/**
 * Renders {@link Status} to the terminal: redrawn in place on a terminal (ANSI cursor movement), or
 * as one summary line every few seconds with {@code --plain} or when output is not a terminal, so
 * that logs stay readable.
 */
final class StatusTable {

    private final PrintStream out;
    private final boolean redraw;
    private final long startedMs = System.currentTimeMillis();
    private int lastHeight;
    private long lastPlainMs;

    StatusTable(PrintStream out, boolean redraw) {
        this.out = out;
        this.redraw = redraw;
    }

    void show(Status s, String phase, LoadGenerator load) {
        if (!redraw) {
            if (s.atMs() - lastPlainMs >= 5000) {
                lastPlainMs = s.atMs();
                out.println(line(s, phase, load));
            }
            return;
        }
        StringBuilder b = new StringBuilder();
        if (lastHeight > 0) {
            b.append("\033[").append(lastHeight).append("F\033[J");
        }
        String text = line(s, phase, load) + "\n" + table(s);
        lastHeight = (int) text.chars().filter(c -> c == '\n').count();
        out.print(b.append(text));
        out.flush();
    }

    String line(Status s, String phase, LoadGenerator load) {
        return String.format(
                "[%4ds] %-9s load %s | jobs %s/%s | captured %d, applied %d | kafka backlog %s | checkpoint %s / %s",
                (s.atMs() - startedMs) / 1000,
                phase,
                load == null ? "off" : load.total() + " ops" + (load.altered() ? " (+ALTER)" : ""),
                s.sourceState(),
                s.sinkState(),
                s.captured(),
                s.applied(),
                s.backlog() == null ? "?" : Long.toString(s.backlog().behind()),
                checkpoint(s, s.sourceCheckpoint()),
                checkpoint(s, s.sinkCheckpoint()));
    }

    static String table(Status s) {
        StringBuilder b = new StringBuilder();
        b.append(
                String.format(
                        "  %-24s %-28s %10s %10s %10s %10s %8s%n",
                        "source table",
                        "warehouse table",
                        "captured",
                        "applied",
                        "src rows",
                        "dst rows",
                        "lag"));
        for (Status.TableRow r : s.tables()) {
            b.append(
                    String.format(
                            "  %-24s %-28s %10d %10d %10s %10s %8s%n",
                            r.table().source(),
                            r.table().target(),
                            r.captured(),
                            r.applied(),
                            count(r.sourceRows()),
                            count(r.targetRows()),
                            r.lagMs() < 0 ? "-" : String.format("%.1fs", r.lagMs() / 1000.0)));
        }
        return b.toString();
    }

    private static String count(long n) {
        return n < 0 ? "-" : Long.toString(n);
    }

    private static String checkpoint(Status s, FlinkRest.Checkpoint c) {
        return c == null
                ? "-"
                : "#" + c.id() + " " + Math.max(0, (s.atMs() - c.completedAtMs()) / 1000) + "s ago";
    }
}
