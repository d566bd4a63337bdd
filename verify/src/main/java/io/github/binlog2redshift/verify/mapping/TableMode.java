package io.github.binlog2redshift.verify.mapping;

/**
 * How the sink treats one table, which changes what "equal" means.
 *
 * @param softDeleteColumn target rows with this boolean column true were deleted in the source and
 *     count as absent; {@code null} when the table is not soft-deleted
 * @param skipDelete the sink ignores deletes, so the target may hold rows the source no longer has:
 *     reported as information, not as a failure
 * @param ignoreDdl the sink never alters the target, so only the columns present on both sides are
 *     compared and the others are reported
 */
public record TableMode(String softDeleteColumn, boolean skipDelete, boolean ignoreDdl) {

    public static final TableMode STRICT = new TableMode(null, false, false);
}
