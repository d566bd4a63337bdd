package io.github.binlog2redshift.chaos;

import java.io.PrintWriter;
import java.util.List;

/**
 * The outcome of one run. Times are seconds: {@code faultAt} after the load started, {@code
 * recovered} from the fault to both jobs running with a checkpoint completed after it, {@code
 * caughtUp} from the fault to every table matching its source (-1: never within the wait).
 *
 * @param failure why the run failed besides its counts (a job that ended, an error), or null
 */
record RunResult(
        long seed,
        FaultKind fault,
        String warehouse,
        String delivery,
        String aimedAt,
        double faultAt,
        double snapshotEnded,
        double recovered,
        double caughtUp,
        long transactions,
        long failedTransactions,
        List<TableCounts> tables,
        String failure) {

    /** Nothing lost, duplicated or differing, and nothing else went wrong. */
    boolean passed() {
        return failure == null && !tables.isEmpty() && tables.stream().allMatch(TableCounts::exact);
    }

    void print(PrintWriter out) {
        out.printf(
                "seed %d  %s on %s, source %s: %s%n  fired %.1f s into the load (%s), snapshot ended at"
                        + " %s, recovered in %.1f s, caught up %s after the fault%n",
                seed,
                fault,
                warehouse,
                delivery,
                passed() ? "PASSED" : "FAILED",
                faultAt,
                aimedAt,
                snapshotEnded < 0 ? "(not seen)" : String.format("%.1f s", snapshotEnded),
                recovered,
                caughtUp < 0 ? "never" : String.format("%.1f s", caughtUp));
        out.printf(
                "  load: %d transactions (%d failed during the fault)%n",
                transactions, failedTransactions);
        tables.forEach(t -> out.println("  " + t));
        if (failure != null) {
            out.println("  failure: " + failure);
        }
        out.flush();
    }
}
