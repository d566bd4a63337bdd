package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/** What a merge plan is built from. */
public final class MergeInput {

    private final TableShape shape;
    private final TableMode mode;
    private final TargetTable stageBase;
    private final Map<String, String> stageExtras;
    private final boolean guarded;
    @Nullable private final String cutoffPosition;
    private final List<String> carriedColumns;
    private final Map<String, MarkedColumn> markedBinary;
    private final List<List<String>> partialColumns;

    public MergeInput(
            TableShape shape,
            TableMode mode,
            TargetTable stageBase,
            Map<String, String> stageExtras,
            boolean guarded,
            @Nullable String cutoffPosition) {
        this(shape, mode, stageBase, stageExtras, guarded, cutoffPosition, List.of());
    }

    /**
     * @param carriedColumns the target's columns that are neither written nor hidden (a column
     *     dropped at the source and kept): a merge that rewrites rows keeps their values
     */
    public MergeInput(
            TableShape shape,
            TableMode mode,
            TargetTable stageBase,
            Map<String, String> stageExtras,
            boolean guarded,
            @Nullable String cutoffPosition,
            List<String> carriedColumns) {
        this(
                shape,
                mode,
                stageBase,
                stageExtras,
                guarded,
                cutoffPosition,
                carriedColumns,
                Map.of(),
                List.of());
    }

    private MergeInput(
            TableShape shape,
            TableMode mode,
            TargetTable stageBase,
            Map<String, String> stageExtras,
            boolean guarded,
            @Nullable String cutoffPosition,
            List<String> carriedColumns,
            Map<String, MarkedColumn> markedBinary,
            List<List<String>> partialColumns) {
        this.partialColumns = List.copyOf(partialColumns);
        this.markedBinary = Collections.unmodifiableMap(new LinkedHashMap<>(markedBinary));
        this.carriedColumns = List.copyOf(carriedColumns);
        this.shape = Objects.requireNonNull(shape, "shape");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.stageBase = Objects.requireNonNull(stageBase, "stageBase");
        this.stageExtras = Collections.unmodifiableMap(new LinkedHashMap<>(stageExtras));
        this.guarded = guarded;
        this.cutoffPosition = cutoffPosition;
    }

    /**
     * A mirrored table created by the sink: stage LIKE the target plus the op column (a keyless
     * mirror lacks it too; only a change log has it).
     */
    public static MergeInput of(TableShape shape) {
        return new MergeInput(
                shape,
                TableMode.defaults(),
                shape.table(),
                Map.of(ReservedNames.OP, "CHAR(1)"),
                true,
                null);
    }

    /**
     * A table created by the sink in {@code mode}: stage LIKE the target, plus the op column unless
     * the target is a keyless change log, which has it.
     */
    public static MergeInput of(TableShape shape, TableMode mode) {
        boolean log = shape.appendOnly() && mode.keyless() == KeylessMode.APPEND;
        Map<String, String> extras = log ? Map.of() : Map.of(ReservedNames.OP, "CHAR(1)");
        return new MergeInput(shape, mode, shape.table(), extras, true, null);
    }

    public MergeInput withMode(TableMode other) {
        return new MergeInput(
                shape,
                other,
                stageBase,
                stageExtras,
                guarded,
                cutoffPosition,
                carriedColumns,
                markedBinary,
                partialColumns);
    }

    /** The same input with {@code columns} as {@link #markedBinary()}. */
    public MergeInput withMarkedBinary(Map<String, MarkedColumn> columns) {
        return new MergeInput(
                shape,
                mode,
                stageBase,
                stageExtras,
                guarded,
                cutoffPosition,
                carriedColumns,
                columns,
                partialColumns);
    }

    /**
     * The same input with {@code sets} as {@link #partialColumns()}: staged rows of partial row
     * images whose {@code _b2r_absent} is {@code i} lack the columns of set {@code i}.
     */
    public MergeInput withPartialColumns(List<List<String>> sets) {
        return new MergeInput(
                shape,
                mode,
                stageBase,
                stageExtras,
                guarded,
                cutoffPosition,
                carriedColumns,
                markedBinary,
                sets);
    }

    /** The column sets rows of partial row images lack, by their staged number; often none. */
    public List<List<String>> partialColumns() {
        return partialColumns;
    }

    /**
     * The target table, its key, and the source columns to write (those the target has and the
     * staged files carry, in the target's order).
     */
    public TableShape shape() {
        return shape;
    }

    /** The table's mode. */
    public TableMode mode() {
        return mode;
    }

    /**
     * The table the stage is created LIKE: the target, or the delete archive when the target is not
     * written.
     */
    public TargetTable stageBase() {
        return stageBase;
    }

    /**
     * Columns added to the stage after {@code LIKE} (name to type): the hidden columns the base
     * lacks and staged columns the target does not have (ignored on insert).
     */
    public Map<String, String> stageExtras() {
        return stageExtras;
    }

    /**
     * True when the target has {@code _b2r_pos}: replace only with newer changes and keep
     * tombstones; false for a user-managed table without it (plain delete and insert by key).
     */
    public boolean guarded() {
        return guarded;
    }

    /**
     * Staged changes before this position are dropped (a TRUNCATE in the same batch emptied the
     * table after them); null: none.
     */
    @Nullable
    public String cutoffPosition() {
        return cutoffPosition;
    }

    /** The target's columns neither written nor hidden, kept as they are on rewritten rows. */
    public List<String> carriedColumns() {
        return carriedColumns;
    }

    /**
     * The stage's columns whose staged values carry the dialect's binary marker ({@link
     * SqlDialect#binaryMarker()}): the merge widens them before the load where needed and removes
     * the marker after it ({@link BinaryMarker}). Empty for PostgreSQL and for files staged before
     * the marker.
     */
    public Map<String, MarkedColumn> markedBinary() {
        return markedBinary;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MergeInput)) {
            return false;
        }
        MergeInput other = (MergeInput) o;
        return shape.equals(other.shape)
                && mode.equals(other.mode)
                && stageBase.equals(other.stageBase)
                && stageExtras.equals(other.stageExtras)
                && guarded == other.guarded
                && Objects.equals(cutoffPosition, other.cutoffPosition)
                && carriedColumns.equals(other.carriedColumns)
                && markedBinary.equals(other.markedBinary)
                && partialColumns.equals(other.partialColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                shape,
                mode,
                stageBase,
                stageExtras,
                guarded,
                cutoffPosition,
                carriedColumns,
                markedBinary,
                partialColumns);
    }

    @Override
    public String toString() {
        return "MergeInput[shape="
                + shape
                + ", mode="
                + mode
                + ", stageBase="
                + stageBase
                + ", stageExtras="
                + stageExtras
                + ", guarded="
                + guarded
                + ", cutoffPosition="
                + cutoffPosition
                + ", carriedColumns="
                + carriedColumns
                + ", markedBinary="
                + markedBinary
                + (partialColumns.isEmpty() ? "" : ", partialColumns=" + partialColumns)
                + "]";
    }
}
