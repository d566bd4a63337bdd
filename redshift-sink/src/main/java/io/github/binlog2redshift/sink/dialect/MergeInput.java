package io.github.binlog2redshift.sink.dialect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a merge plan is built from.
 *
 * @param shape the target table, its key, and the source columns to write (those the target has and
 *     the staged files carry, in the target's order)
 * @param mode the table's mode
 * @param stageBase the table the stage is created LIKE: the target, or the delete archive when the
 *     target is not written
 * @param stageExtras columns added to the stage after {@code LIKE} (name to type): the hidden
 *     columns the base lacks and staged columns the target does not have (ignored on insert)
 * @param guarded true when the target has {@code _b2r_pos}: replace only with newer changes and
 *     keep tombstones; false for a user-managed table without it (plain delete and insert by key)
 * @param cutoffPosition staged changes before this position are dropped (a TRUNCATE in the same
 *     batch emptied the table after them); null: none
 */
public record MergeInput(
        TableShape shape,
        TableMode mode,
        io.github.binlog2redshift.sink.TargetTable stageBase,
        Map<String, String> stageExtras,
        boolean guarded,
        String cutoffPosition) {

    public MergeInput {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(stageBase, "stageBase");
        stageExtras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageExtras));
    }

    /** A mirrored table created by the sink: stage LIKE the target plus the op column. */
    public static MergeInput of(TableShape shape) {
        Map<String, String> extras =
                shape.appendOnly() ? Map.of() : Map.of(ReservedNames.OP, "CHAR(1)");
        return new MergeInput(shape, TableMode.defaults(), shape.table(), extras, true, null);
    }

    public MergeInput withMode(TableMode other) {
        return new MergeInput(shape, other, stageBase, stageExtras, guarded, cutoffPosition);
    }
}
