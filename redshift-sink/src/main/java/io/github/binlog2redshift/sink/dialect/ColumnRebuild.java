package io.github.binlog2redshift.sink.dialect;

/**
 * The statements of a column type change by copy (Redshift can only widen VARCHAR in place). Run
 * {@link #addTemp} on its own, then {@link #copy}, {@link #dropOld} and {@link #renameTemp} in one
 * transaction: a failure at any point leaves either the old column alone or the finished change,
 * plus possibly the temporary column, which the next attempt reuses (the copy is idempotent).
 *
 * @param tempColumn the temporary column's name ({@code <column>__b2r_new})
 */
public record ColumnRebuild(
        String tempColumn, String addTemp, String copy, String dropOld, String renameTemp) {}
