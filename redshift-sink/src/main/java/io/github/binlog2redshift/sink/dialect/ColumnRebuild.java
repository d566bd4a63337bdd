package io.github.binlog2redshift.sink.dialect;

import java.util.Objects;

/**
 * The statements of a column type change by copy (Redshift can only widen VARCHAR in place). Run
 * {@link #addTemp} on its own, then {@link #copy}, {@link #dropOld} and {@link #renameTemp} in one
 * transaction: a failure at any point leaves either the old column alone or the finished change,
 * plus possibly the temporary column, which the next attempt reuses (the copy is idempotent).
 */
public final class ColumnRebuild {

    private final String tempColumn;
    private final String addTemp;
    private final String copy;
    private final String dropOld;
    private final String renameTemp;

    public ColumnRebuild(
            String tempColumn, String addTemp, String copy, String dropOld, String renameTemp) {
        this.tempColumn = Objects.requireNonNull(tempColumn, "tempColumn");
        this.addTemp = Objects.requireNonNull(addTemp, "addTemp");
        this.copy = Objects.requireNonNull(copy, "copy");
        this.dropOld = Objects.requireNonNull(dropOld, "dropOld");
        this.renameTemp = Objects.requireNonNull(renameTemp, "renameTemp");
    }

    /** The temporary column's name ({@code <column>__b2r_new}). */
    public String tempColumn() {
        return tempColumn;
    }

    /** Adds the temporary column with the new type. */
    public String addTemp() {
        return addTemp;
    }

    /** Fills the temporary column with the old one's values, cast. */
    public String copy() {
        return copy;
    }

    /** Drops the old column. */
    public String dropOld() {
        return dropOld;
    }

    /** Gives the temporary column the old one's name. */
    public String renameTemp() {
        return renameTemp;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnRebuild)) {
            return false;
        }
        ColumnRebuild other = (ColumnRebuild) o;
        return tempColumn.equals(other.tempColumn)
                && addTemp.equals(other.addTemp)
                && copy.equals(other.copy)
                && dropOld.equals(other.dropOld)
                && renameTemp.equals(other.renameTemp);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tempColumn, addTemp, copy, dropOld, renameTemp);
    }

    @Override
    public String toString() {
        return "ColumnRebuild[tempColumn="
                + tempColumn
                + ", addTemp="
                + addTemp
                + ", copy="
                + copy
                + ", dropOld="
                + dropOld
                + ", renameTemp="
                + renameTemp
                + "]";
    }
}
