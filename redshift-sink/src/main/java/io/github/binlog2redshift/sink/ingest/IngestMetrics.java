package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The parse-and-route metrics: per target table {@code eventsIn} and the gauge {@code
 * lastSourceTimestampMs} (the newest source commit time seen: now minus it is the lag); per reason
 * {@code deadLetters}; and {@code tombstonesSkipped}, {@code recordsSkipped} (DMS control records,
 * Canal DDL without a table) and {@code eventsExcluded} (tables not included).
 */
final class IngestMetrics {

    private final MetricGroup group;
    private final Counter tombstones;
    private final Counter skipped;
    private final Counter excluded;
    private final Map<RejectReason, Counter> deadLetters = new EnumMap<>(RejectReason.class);
    private final Map<TargetTable, TableMetrics> tables = new HashMap<>();

    IngestMetrics(MetricGroup group) {
        this.group = group;
        this.tombstones = group.counter("tombstonesSkipped");
        this.skipped = group.counter("recordsSkipped");
        this.excluded = group.counter("eventsExcluded");
    }

    void tombstone() {
        tombstones.inc();
    }

    void skipped() {
        skipped.inc();
    }

    void excluded() {
        excluded.inc();
    }

    void deadLetter(RejectReason reason) {
        deadLetters
                .computeIfAbsent(
                        reason, r -> group.addGroup("reason", r.label()).counter("deadLetters"))
                .inc();
    }

    void eventIn(TargetTable table, long sourceTimestampMs) {
        TableMetrics m = tables.computeIfAbsent(table, this::register);
        m.eventsIn.inc();
        if (sourceTimestampMs > m.lastSourceTimestampMs) {
            m.lastSourceTimestampMs = sourceTimestampMs;
        }
    }

    private TableMetrics register(TargetTable table) {
        MetricGroup g = group.addGroup("table", table.toString());
        TableMetrics m = new TableMetrics(g.counter("eventsIn"));
        g.gauge("lastSourceTimestampMs", () -> m.lastSourceTimestampMs);
        return m;
    }

    private static final class TableMetrics {
        final Counter eventsIn;
        volatile long lastSourceTimestampMs;

        TableMetrics(Counter eventsIn) {
            this.eventsIn = eventsIn;
        }
    }
}
