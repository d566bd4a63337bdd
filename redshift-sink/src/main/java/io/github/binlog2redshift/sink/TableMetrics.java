package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.sink.jdbc.ApplyResult;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * Per-table metrics of the committer, in a {@code table=<schema.table>} group: {@code rowsApplied},
 * {@code commitsSkipped} (found in the ledger), {@code serializationConflicts} (attempts a
 * serialization conflict rolled back and that were retried), {@code lastCommitDurationMs} and
 * {@code lastAppliedSourceTimestampMs} (replication lag = now minus it).
 */
final class TableMetrics {

    private final Counter rowsApplied;
    private final Counter commitsSkipped;
    private final Counter serializationConflicts;
    private volatile long lastCommitDurationMs;
    private volatile long lastAppliedSourceTimestampMs;

    TableMetrics(MetricGroup committerGroup, TargetTable table) {
        MetricGroup g = committerGroup.addGroup("table", table.toString());
        rowsApplied = g.counter("rowsApplied");
        commitsSkipped = g.counter("commitsSkipped");
        serializationConflicts = g.counter("serializationConflicts");
        g.gauge("lastCommitDurationMs", () -> lastCommitDurationMs);
        g.gauge("lastAppliedSourceTimestampMs", () -> lastAppliedSourceTimestampMs);
    }

    void record(TableCommittable batch, ApplyResult result, long durationMs) {
        lastCommitDurationMs = durationMs;
        serializationConflicts.inc(result.conflicts());
        if (result.alreadyApplied()) {
            commitsSkipped.inc();
            return;
        }
        rowsApplied.inc(result.rowsApplied());
        lastAppliedSourceTimestampMs =
                Math.max(lastAppliedSourceTimestampMs, batch.maxSourceTsMs());
    }
}
