package io.github.binlog2redshift.bench.result;

import java.util.Map;

/**
 * One system's run of a scenario, as the interleaved runner saw it: its figures, the machine's load
 * while it ran, and what its content check found. Warm-up runs are recorded too (and marked), so a
 * reader can see what was left out of the medians.
 *
 * @param round 0 for the warm-up run, then 1, 2, ...
 * @param figures metric name to value, e.g. {@code rate} and {@code rate_with_startup}
 * @param load the machine during the run ({@code /proc/loadavg}, {@code /proc/stat})
 * @param content what the per-table content check compared, e.g. {@code 10 tables: count and
 *     checksum equal to the source's}
 */
public record RunRecord(
        String scenario,
        String system,
        int round,
        Map<String, Double> figures,
        MachineLoad load,
        String content) {

    public RunRecord {
        figures = Map.copyOf(figures);
    }

    public boolean warmUp() {
        return round == 0;
    }
}
