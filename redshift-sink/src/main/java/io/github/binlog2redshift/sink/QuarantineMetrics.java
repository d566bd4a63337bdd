package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.sink.jdbc.QuarantineView.Kept;
import io.github.binlog2redshift.sink.jdbc.QuarantineView.Quarantine;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The metrics of the committer's {@link TableQuarantine}, on the committer's group: {@code
 * quarantinedTables} (gauge); per {@code table=<schema.table>} (the warehouse's name): {@code
 * quarantined} (1 or 0), {@code keptCommittables} and {@code keptRows} (what this subtask keeps),
 * {@code quarantines} and {@code replayedCommittables} (counters).
 */
final class QuarantineMetrics {

    private final MetricGroup metrics;
    private final Map<String, TableGauges> gauges = new ConcurrentHashMap<>();
    private volatile int quarantinedTables;

    QuarantineMetrics(MetricGroup metrics) {
        this.metrics = metrics;
        metrics.gauge("quarantinedTables", () -> quarantinedTables);
    }

    /** {@code table} was quarantined by this subtask. */
    void quarantined(String table) {
        gauges(table).quarantines.inc();
    }

    /** One kept committable of {@code table} was replayed. */
    void replayed(String table) {
        gauges(table).replayed.inc();
    }

    /**
     * The state after a commit: the quarantined tables and, per table the commit touched, what this
     * subtask keeps. A table in neither is reset to not quarantined and nothing kept.
     */
    void set(Map<String, Quarantine> quarantined, Map<String, List<Kept>> kept) {
        quarantinedTables = quarantined.size();
        for (Map.Entry<String, TableGauges> g : gauges.entrySet()) {
            if (!quarantined.containsKey(g.getKey()) && !kept.containsKey(g.getKey())) {
                g.getValue().set(false, List.of());
            }
        }
        kept.forEach((t, k) -> gauges(t).set(quarantined.containsKey(t), k));
        for (Quarantine q : quarantined.values()) {
            gauges(q.table()).set(true, kept.getOrDefault(q.table(), List.of()));
        }
    }

    private TableGauges gauges(String table) {
        return gauges.computeIfAbsent(table, t -> new TableGauges(metrics.addGroup("table", t)));
    }

    /** One table's quarantine metrics. */
    private static final class TableGauges {
        private final Counter quarantines;
        private final Counter replayed;
        private volatile int quarantined;
        private volatile long keptCommittables;
        private volatile long keptRows;

        TableGauges(MetricGroup g) {
            quarantines = g.counter("quarantines");
            replayed = g.counter("replayedCommittables");
            g.gauge("quarantined", () -> quarantined);
            g.gauge("keptCommittables", () -> keptCommittables);
            g.gauge("keptRows", () -> keptRows);
        }

        void set(boolean isQuarantined, List<Kept> kept) {
            quarantined = isQuarantined ? 1 : 0;
            keptCommittables = kept.size();
            keptRows = kept.stream().mapToLong(Kept::rows).sum();
        }
    }
}
