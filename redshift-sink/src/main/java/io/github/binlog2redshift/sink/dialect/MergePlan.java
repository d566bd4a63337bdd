package io.github.binlog2redshift.sink.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that apply one batch of staged changes to one table, in the order they run, in one
 * transaction (see {@code jdbc.MergeExecutor}): {@link #beforeLoad} creates the stage, the
 * dialect-specific load of the staged files follows, then {@link #afterLoad}, then {@link
 * #dropStage}.
 *
 * <p>Invariants that make a mirrored table exact whatever the order batches arrive in:
 *
 * <ul>
 *   <li>a target row is replaced only by a staged change with a greater or equal source position
 *       (equal: the same change replayed, or an input without positions where the later batch
 *       wins);
 *   <li>a delete leaves a tombstone with its position, so a replayed older insert of that key is
 *       not resurrected; a change of the key at the same or a newer position removes the tombstone.
 * </ul>
 *
 * <p>Rows applied = the update counts of the {@link Step#counted()} steps: rows inserted plus
 * tombstones written (a mirrored table), rows appended (a table without key), rows archived (a
 * table whose target is not written).
 */
public record MergePlan(List<Step> beforeLoad, List<Step> afterLoad, String dropStage) {

    /**
     * One named statement.
     *
     * @param counted its update count adds to the rows applied
     */
    public record Step(String name, String sql, boolean counted) {}

    public MergePlan {
        beforeLoad = List.copyOf(beforeLoad);
        afterLoad = List.copyOf(afterLoad);
    }

    /** Every statement, in run order, with the load's place marked as {@code null}. */
    public List<String> inOrder() {
        List<String> all = new ArrayList<>();
        beforeLoad.forEach(s -> all.add(s.sql()));
        all.add(null);
        afterLoad.forEach(s -> all.add(s.sql()));
        all.add(dropStage);
        return all;
    }

    /** The statement of the step named {@code name} (first match). */
    public String sql(String name) {
        return java.util.stream.Stream.concat(beforeLoad.stream(), afterLoad.stream())
                .filter(s -> s.name().equals(name))
                .map(Step::sql)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + name));
    }
}
