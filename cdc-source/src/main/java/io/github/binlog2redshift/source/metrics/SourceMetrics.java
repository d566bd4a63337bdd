package io.github.binlog2redshift.source.metrics;

import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.source.SourceChange;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * The job's metrics, registered on the router operator right behind the source:
 *
 * <ul>
 *   <li>{@code table.<db.table>.events}: events per table (all ops, DDL included);
 *   <li>{@code table.<db.table>.snapshotRows}: rows read by the snapshot (snapshot progress);
 *   <li>{@code deadLetters}: changes sent to the dead-letter topic;
 *   <li>{@code binlogFileSequence} / {@code binlogPosition}: the last streamed binlog change (only
 *       the subtask reading the binlog reports non-zero values);
 *   <li>{@code lagMs}: wall clock now minus the server timestamp of the last streamed change
 *       (second resolution on MySQL; -1 before the first binlog change);
 *   <li>{@code uncapturableTables}: registered by {@code UncapturableTables} on the first subtask.
 * </ul>
 */
public final class SourceMetrics {

    private final MetricGroup group;
    private final Map<String, TableCounters> tables = new HashMap<>();
    private final Counter deadLetters;
    private volatile long fileSequence;
    private volatile long position;
    private volatile long lastSourceTsMs = -1;

    public SourceMetrics(MetricGroup group) {
        this.group = group;
        this.deadLetters = group.counter("deadLetters");
        group.gauge("binlogFileSequence", () -> fileSequence);
        group.gauge("binlogPosition", () -> position);
        group.gauge(
                "lagMs",
                () -> lastSourceTsMs < 0 ? -1L : System.currentTimeMillis() - lastSourceTsMs);
    }

    public void record(SourceChange change) {
        if (change.isDeadLetter()) {
            deadLetters.inc();
        }
        TableCounters t =
                tables.computeIfAbsent(change.tableName(), name -> new TableCounters(group, name));
        t.events.inc();
        if (change.op() == Op.READ) {
            t.snapshotRows.inc();
        } else if (change.binlogPosition() > 0) {
            fileSequence = change.binlogFileSequence();
            position = change.binlogPosition();
            lastSourceTsMs = change.sourceTsMs();
        }
    }

    private static final class TableCounters {
        final Counter events;
        final Counter snapshotRows;

        TableCounters(MetricGroup root, String table) {
            MetricGroup g = root.addGroup("table", table);
            events = g.counter("events");
            snapshotRows = g.counter("snapshotRows");
        }
    }
}
