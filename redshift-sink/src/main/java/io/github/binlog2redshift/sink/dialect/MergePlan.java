package io.github.binlog2redshift.sink.dialect;

import java.util.List;

/**
 * The statements that apply one batch of staged changes to one table, in the order they run, in one
 * transaction (see {@code jdbc.MergeExecutor}). The load of the staged files into {@link
 * #createStage()}'s table sits between {@link #addOpColumn()} and {@link #deleteOlder()}; it is
 * dialect specific and not part of this record.
 *
 * <p>Invariants that make the plan exact whatever the order batches arrive in:
 *
 * <ul>
 *   <li>a target row is replaced only by a staged change with a greater or equal source position
 *       (equal: the same change replayed, or an input without positions where the later batch wins)
 *       ({@link #deleteOlder()} then {@link #insertNewer()});
 *   <li>a delete leaves a tombstone with its position ({@link #insertTombstones()}), so a replayed
 *       older insert of that key is not resurrected; a change of the key at the same or a newer
 *       position removes the tombstone ({@link #deleteOlderTombstones()}).
 * </ul>
 *
 * <p>Rows applied = rows inserted by {@link #insertNewer()} + tombstones written by {@link
 * #insertTombstones()}: each staged change either wins and is counted, or loses to newer data.
 */
public record MergePlan(
        String dropStage,
        String createStage,
        String addOpColumn,
        String deleteOlder,
        String deleteOlderTombstones,
        String insertTombstones,
        String insertNewer) {

    /** Every statement, in run order, with the load's place marked as {@code null}. */
    public List<String> inOrder() {
        return java.util.Arrays.asList(
                dropStage,
                createStage,
                addOpColumn,
                null,
                deleteOlder,
                deleteOlderTombstones,
                insertTombstones,
                insertNewer,
                dropStage);
    }
}
