package io.github.binlog2redshift.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big each scenario is. {@link #QUICK} validates the harness in a couple of minutes; {@link
 * #FULL} is the published run (under 30 minutes on a 2-core machine) and must be taken on an idle
 * machine.
 *
 * @param backlogTables tables of the binlog backlog
 * @param backlogRowsPerTable rows inserted, then all updated: 2 x tables x rows row events
 * @param snapshotRows rows of the one snapshot table
 * @param snapshotDefaultChunkRows rows snapshotted with Flink CDC's default chunk size (8096); kept
 *     small because every chunk costs a fixed wait
 * @param snapshotChunkSize the tuned chunk size
 * @param snapshotTables tables of the compared snapshot ({@code snapshot-10-tables})
 * @param snapshotTableRows rows of each of them
 * @param sinkTables tables of the prepared sink topic set
 * @param sinkEvents events in the prepared topics (20% repeated keys, 5% deletes)
 * @param latencyRates row changes per second of the steady-load runs ({@code latency-<rate>/s})
 * @param latencyTables tables the rate runs spread their load over: a small set, so the figures
 *     answer the light-load and falling-behind targets (1 s checkpoints) without the per-table cost
 *     of a wide schema
 * @param latencyManyTables tables of the separate wide run ({@code latency-<n>-tables}, 800
 *     changes/s, 5 s checkpoints for ours): the "over 100 tables" target
 * @param latencyWindow how long each rate, and the wide run, is held while latency is sampled
 * @param memoryKeys distinct keys changed inside one checkpoint interval
 */
public record Sizes(
        String name,
        int backlogTables,
        int backlogRowsPerTable,
        int snapshotRows,
        int snapshotDefaultChunkRows,
        int snapshotChunkSize,
        int snapshotTables,
        int snapshotTableRows,
        int sinkTables,
        int sinkEvents,
        List<Integer> latencyRates,
        int latencyTables,
        int latencyManyTables,
        Duration latencyWindow,
        int memoryKeys) {

    public static final Sizes QUICK =
            new Sizes(
                    "quick",
                    10,
                    5_000,
                    100_000,
                    24_000,
                    50_000,
                    10,
                    10_000,
                    100,
                    50_000,
                    List.of(800, 5_000),
                    10,
                    100,
                    Duration.ofSeconds(12),
                    200_000);

    public static final Sizes FULL =
            new Sizes(
                    "full",
                    10,
                    50_000,
                    5_000_000,
                    120_000,
                    200_000,
                    10,
                    100_000,
                    100,
                    1_000_000,
                    List.of(800, 20_000, 50_000),
                    10,
                    100,
                    Duration.ofSeconds(30),
                    5_000_000);

    public long backlogEvents() {
        return 2L * backlogTables * backlogRowsPerTable;
    }

    /**
     * These sizes with the given overrides (null keeps a size); the name gains "-custom" so custom
     * runs are never mistaken for the standard ones.
     */
    public Sizes with(
            Integer sinkEvents, List<Integer> rates, Duration window, Integer memoryKeys) {
        if (sinkEvents == null && rates == null && window == null && memoryKeys == null) {
            return this;
        }
        return new Sizes(
                name + "-custom",
                backlogTables,
                backlogRowsPerTable,
                snapshotRows,
                snapshotDefaultChunkRows,
                snapshotChunkSize,
                snapshotTables,
                snapshotTableRows,
                sinkTables,
                sinkEvents == null ? this.sinkEvents : sinkEvents,
                rates == null ? latencyRates : List.copyOf(rates),
                latencyTables,
                latencyManyTables,
                window == null ? latencyWindow : window,
                memoryKeys == null ? this.memoryKeys : memoryKeys);
    }
}
