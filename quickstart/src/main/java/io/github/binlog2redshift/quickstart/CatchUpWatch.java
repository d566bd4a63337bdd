package io.github.binlog2redshift.quickstart;

import java.util.List;

/**
 * Decides, from successive {@link Status} snapshots taken after the load stopped, when the sink has
 * caught up with the source:
 *
 * <ol>
 *   <li>cdc-source has stopped producing: its captured count and the topics' end offsets have not
 *       changed for a while, and one of its checkpoints completed after that (the Kafka sink
 *       flushes on checkpoints);
 *   <li>the sink's consumer group has committed every offset (it commits when a checkpoint
 *       completes, i.e. when that checkpoint's data is handed to the committer), and one more sink
 *       checkpoint completed after that, so the commit has run;
 *   <li>where rows can be counted, every warehouse table has as many rows as its source, or, when
 *       some never will (a dead-lettered row is in the source only), the warehouse's counts have
 *       not changed over {@link #SETTLE_CHECKPOINTS} sink checkpoints: the committer applies a
 *       checkpoint's data before it takes the next checkpoint's barrier, so nothing is in flight.
 * </ol>
 *
 * Verify then gives the real answer; this only avoids running it while data is in flight.
 */
final class CatchUpWatch {

    /** Sink checkpoints over which unchanged warehouse counts count as settled. */
    static final int SETTLE_CHECKPOINTS = 3;

    private final long quietMs;
    private final boolean requireCounts;
    private long lastCaptured = -1;
    private long lastEnd = -1;
    private long stableSinceMs;
    private long drainedAtMs = -1;
    private List<Long> lastTargetRows = List.of();
    private long targetsChangedAtCheckpoint = -1;

    CatchUpWatch(long checkpointIntervalMs, boolean requireCounts) {
        // Long enough for the binlog reader to deliver what the last statements wrote.
        this.quietMs = Math.max(3000, 2 * checkpointIntervalMs);
        this.requireCounts = requireCounts;
    }

    boolean caughtUp(Status s) {
        long sinkCheckpoint = s.sinkCheckpoint() == null ? -1 : s.sinkCheckpoint().id();
        List<Long> targetRows = s.tables().stream().map(Status.TableRow::targetRows).toList();
        if (!targetRows.equals(lastTargetRows)) {
            lastTargetRows = targetRows;
            targetsChangedAtCheckpoint = sinkCheckpoint;
        }
        long end = s.backlog() == null ? -1 : s.backlog().endOffsets();
        if (s.captured() != lastCaptured || end != lastEnd) {
            lastCaptured = s.captured();
            lastEnd = end;
            stableSinceMs = s.atMs();
            drainedAtMs = -1;
        }
        boolean sourceDone =
                s.atMs() - stableSinceMs >= quietMs
                        && s.sourceCheckpoint() != null
                        && s.sourceCheckpoint().completedAtMs() > stableSinceMs;
        if (!sourceDone || s.backlog() == null || s.backlog().behind() != 0) {
            drainedAtMs = -1;
            return false;
        }
        if (drainedAtMs < 0) {
            drainedAtMs = s.atMs();
        }
        boolean committed =
                s.sinkCheckpoint() != null && s.sinkCheckpoint().completedAtMs() > drainedAtMs;
        boolean settled =
                sinkCheckpoint >= 0
                        && sinkCheckpoint - targetsChangedAtCheckpoint >= SETTLE_CHECKPOINTS;
        return committed && (!requireCounts || s.countsMatch() || settled);
    }
}
