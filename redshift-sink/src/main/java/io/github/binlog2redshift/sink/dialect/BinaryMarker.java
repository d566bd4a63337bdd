package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;

import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Empty binary values on Redshift. COPY reads a VARBYTE column from CSV as hex
 * (https://docs.aws.amazon.com/redshift/latest/dg/copy-usage-varbyte.html), so a zero-length value
 * is an empty field, and an empty field of any type but CHAR and VARCHAR loads as NULL ("Empty
 * fields for other data types, such as INT, are always loaded with NULL", EMPTYASNULL in
 * https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-conversion.html): the empty
 * value would become NULL. So every binary value is staged for Redshift with one marker byte,
 * {@code 00}, before its bytes: an empty value is the field {@code "00"}, NULL stays {@code \N}.
 *
 * <p>In the merge, each marked column of the stage that is too narrow for its source's longest
 * value plus the marker is first replaced by one a byte wider (Redshift changes no VARBYTE's type
 * in place, nor a VARCHAR's inside a transaction), and right after the load, before any step reads
 * the stage, the marker is removed: {@code SUBSTRING(c, 2)}, which counts bytes for a VARBYTE and
 * gives an empty VARBYTE for a one-byte value
 * (https://docs.aws.amazon.com/redshift/latest/dg/r_SUBSTRING.html). A binary source column whose
 * target column is text (a user-managed table) loads the staged hex text, as it always did: there
 * the marker is its first two characters, {@code SUBSTRING(c, 3)}, and the column is replaced by
 * one two characters wider when it lacks the room. A VARBYTE is never a DISTKEY or SORTKEY (VARBYTE
 * type, limitations), so it can always be replaced; a text DISTKEY or SORTKEY column, which the
 * stage inherits from the table and Redshift cannot drop, fails the commit at {@code
 * widen-stage-drop} when it needs replacing: such a column needs the room for the marker.
 *
 * <p>Not chosen: hex in a VARCHAR stage column turned into bytes by {@code TO_VARBYTE(c, 'hex')}. A
 * VARCHAR holds at most 65,535 bytes, the hex of 32,767, while a VARBYTE column holds 16 MB and
 * COPY's 4 MB rows let values of 2 MB through.
 */
final class BinaryMarker {

    /** The marker byte's hex. */
    static final String HEX = "00";

    private BinaryMarker() {}

    /**
     * Replaces each marked column of the stage that is too narrow for a marked value by a wider
     * one. A column at Redshift's maximum stays: a value that long is past COPY's 4 MB row anyway.
     */
    static List<Step> widenStage(Map<String, MarkedColumn> marked) {
        List<Step> steps = new ArrayList<>();
        String stage = ident(STAGE_TABLE);
        marked.forEach(
                (column, m) -> {
                    String wider = wider(m);
                    if (wider != null) {
                        steps.add(
                                new Step(
                                        "widen-stage-drop",
                                        "ALTER TABLE " + stage + " DROP COLUMN " + ident(column),
                                        false));
                        steps.add(
                                new Step(
                                        "widen-stage-add",
                                        "ALTER TABLE "
                                                + stage
                                                + " ADD COLUMN "
                                                + ident(column)
                                                + " "
                                                + wider,
                                        false));
                    }
                });
        return steps;
    }

    /** Removes the marker from every marked column's values; NULL stays NULL. */
    static Step unmark(Map<String, MarkedColumn> marked) {
        List<String> sets = new ArrayList<>();
        marked.forEach(
                (column, m) ->
                        sets.add(
                                ident(column)
                                        + " = SUBSTRING("
                                        + ident(column)
                                        + ", "
                                        + (isBinary(m.type()) ? 2 : 3)
                                        + ")"));
        return new Step(
                "unmark-binary",
                "UPDATE " + ident(STAGE_TABLE) + " SET " + String.join(", ", sets),
                false);
    }

    /**
     * The column's type one marker wider, or null when it holds the source's longest value with the
     * marker already, or is at Redshift's limit.
     */
    private static String wider(MarkedColumn m) {
        Integer size = m.type().size();
        if (isBinary(m.type())) {
            long needed = Math.min(m.sourceBytes(), RedshiftTypes.MAX_VARBYTE_BYTES) + 1;
            return size != null && size < needed && size < RedshiftTypes.MAX_VARBYTE_BYTES
                    ? "VARBYTE(" + (size + 1) + ")"
                    : null;
        }
        long needed = 2 * Math.min(m.sourceBytes(), RedshiftTypes.MAX_VARBYTE_BYTES) + HEX.length();
        return size != null && size < needed && size < RedshiftTypes.MAX_VARCHAR_BYTES
                ? "VARCHAR(" + Math.min(size + HEX.length(), RedshiftTypes.MAX_VARCHAR_BYTES) + ")"
                : null;
    }

    private static boolean isBinary(ColumnType type) {
        return type.family() == ColumnType.Family.BINARY;
    }
}
