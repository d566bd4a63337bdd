package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.OP;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.POSITION;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.REPLACED_OP;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The steps of a table without a key mirrored as a multiset ({@code KeylessMode.MIRROR}): the
 * target holds each distinct row as many times as the source does. Neither warehouse gives rows an
 * identity the sink could use (Redshift has no row id), so rows are told apart only by their
 * content, and a batch is applied per <em>class</em> of equal rows: the target's count of a class
 * becomes its count plus the batch's inserts minus its deletes.
 *
 * <p>The stage holds one row per change: {@code r}/{@code c}/{@code u} rows add their image, {@code
 * d} rows (a delete's before image) and {@code b} rows ({@link ReservedNames#REPLACED_OP}, an
 * update's before image, staged next to its {@code u} row) take one equal row away. Then:
 *
 * <ol>
 *   <li>{@code collect-replaced}: the target's rows of every class the batch takes rows from are
 *       copied into the stage as {@code k} rows (kept: they count +1 and carry their columns,
 *       position and time);
 *   <li>{@code delete-replaced}: those rows are deleted from the target;
 *   <li>{@code insert-kept}: per class, net = (k and upsert rows) - (d and b rows); the first net
 *       rows of the class with a +1 (existing rows first, then the batch's in source order) are
 *       inserted. A class the batch only adds to is never read back: its rows are simply inserted.
 * </ol>
 *
 * <p>Equal means equal in the warehouse, compared column by column ({@link SqlDialect#comparable}):
 * {@code collect-replaced} and {@code delete-replaced} join on the comparable forms (hashable
 * equalities, NULL folded to a default, so a row can be collected that differs only by NULL against
 * that default: it is rewritten unchanged), {@code insert-kept} partitions on the comparable form
 * plus a NULL flag per column, which is exact. Two source values that the warehouse stores as one
 * (JSON documents that differ only in key order or spacing) are one class: the target is the image
 * of the source multiset under the load, and stays so.
 *
 * <p>Why the counts are exact: a batch's inserts and deletes of a class commute, so their order
 * inside the batch does not matter; batches of the table are applied one after the other in
 * checkpoint order (all of a mirrored table's changes share one dedupe key, so one committer), and
 * each batch is a contiguous stretch of the table's changes when the input keeps a keyless table's
 * changes in one partition (cdc-source keys them by table). After every commit the target's count
 * of a class is then the source's count at the cut, never negative: a delete always finds its row.
 *
 * <p>Failure modes: the whole plan runs in the merge transaction, so a failure leaves the target
 * untouched. A delete that finds no equal row (an input whose partitions reorder a table's changes)
 * removes nothing and is lost; rows of a class with more deletes than rows are not touched. A
 * replayed committable is skipped by the commit ledger; binlog changes delivered again (a source
 * restart, a restore from an older savepoint) are dropped from the stage first by the table's
 * applied horizon ({@link ReplayGuard#mirrorHorizon}).
 */
final class KeylessMerge {

    /** Op code of a target row copied into the stage by {@code collect-replaced}. */
    static final String KEPT_OP = "k";

    private static final String SIGN = "_b2r_sign";
    private static final String NET = "_b2r_net";
    private static final String NTH = "_b2r_nth";
    private static final String COUNTED = "_b2r_counted";

    private KeylessMerge() {}

    /**
     * @param shape the target and the compared columns (the target's columns the staged files
     *     carry)
     * @param carried the target's other columns, kept as they are on rewritten rows
     * @param hidden the hidden columns written (position, source time), empty for a user-managed
     *     table without them
     */
    static List<Step> steps(
            TableShape shape, List<String> carried, List<String> hidden, SqlDialect dialect) {
        String target = table(shape.table());
        String stage = ident(STAGE_TABLE);
        List<String> written = new ArrayList<>();
        shape.columns().forEach(c -> written.add(c.name()));
        written.addAll(carried);
        written.addAll(hidden);
        String takesAway = takesAway(stage);
        String match = match(shape, shape.table().name(), dialect);
        List<String> collected = new ArrayList<>(written);
        collected.add(OP);
        List<String> selected = new ArrayList<>();
        written.forEach(c -> selected.add(ident(c)));
        selected.add("'" + KEPT_OP + "'");
        List<Step> steps = new ArrayList<>();
        steps.add(
                new Step(
                        "collect-replaced",
                        "INSERT INTO "
                                + stage
                                + " ("
                                + identList(collected)
                                + ") SELECT "
                                + String.join(", ", selected)
                                + " FROM "
                                + target
                                + " WHERE EXISTS (SELECT 1 FROM "
                                + stage
                                + " WHERE "
                                + takesAway
                                + " AND "
                                + match
                                + ")",
                        false));
        steps.add(
                new Step(
                        "delete-replaced",
                        "DELETE FROM "
                                + target
                                + " USING "
                                + stage
                                + " WHERE "
                                + takesAway
                                + " AND "
                                + match,
                        false));
        String sign = "CASE WHEN " + takesAway + " THEN -1 ELSE 1 END";
        String partition = partition(shape, dialect);
        steps.add(
                new Step(
                        "insert-kept",
                        "INSERT INTO "
                                + target
                                + " ("
                                + identList(written)
                                + ") SELECT "
                                + identList(written)
                                + " FROM (SELECT "
                                + identList(written)
                                + ", "
                                + sign
                                + " AS "
                                + ident(SIGN)
                                + ", SUM("
                                + sign
                                + ") OVER (PARTITION BY "
                                + partition
                                + ") AS "
                                + ident(NET)
                                + ", ROW_NUMBER() OVER (PARTITION BY "
                                + partition
                                + ", "
                                + sign
                                + " ORDER BY CASE WHEN "
                                + ident(OP)
                                + " = '"
                                + KEPT_OP
                                + "' THEN 0 ELSE 1 END, "
                                + ident(POSITION)
                                + ") AS "
                                + ident(NTH)
                                + " FROM "
                                + stage
                                + ") AS "
                                + ident(COUNTED)
                                + " WHERE "
                                + ident(SIGN)
                                + " = 1 AND "
                                + ident(NTH)
                                + " <= "
                                + ident(NET),
                        true));
        return steps;
    }

    /** The stage rows that take a row away: deletes and the rows updates replace. */
    private static String takesAway(String stage) {
        return stage + "." + ident(OP) + " IN ('d', '" + REPLACED_OP + "')";
    }

    /** Each compared column's comparable forms equal, target against stage. */
    private static String match(TableShape shape, String targetName, SqlDialect dialect) {
        return shape.columns().stream()
                .map(
                        c ->
                                dialect.comparable(
                                                ident(targetName) + "." + ident(c.name()), type(c))
                                        + " = "
                                        + dialect.comparable(
                                                ident(STAGE_TABLE) + "." + ident(c.name()),
                                                type(c)))
                .collect(Collectors.joining(" AND "));
    }

    /** Per column its comparable form and whether it is NULL: equal exactly for equal rows. */
    private static String partition(TableShape shape, SqlDialect dialect) {
        List<String> parts = new ArrayList<>();
        for (ColumnDef c : shape.columns()) {
            parts.add(dialect.comparable(ident(c.name()), type(c)));
            parts.add("CASE WHEN " + ident(c.name()) + " IS NULL THEN 1 ELSE 0 END");
        }
        return String.join(", ", parts);
    }

    private static ColumnType type(ColumnDef c) {
        return ColumnType.parse(c.type());
    }

    /**
     * The comparable form both warehouses share for most types: the value, or a constant of its
     * type when NULL (so the equality is a plain, hashable one); {@code text} casts whatever has no
     * equality of its own.
     */
    static String comparable(String expr, ColumnType type, String text, String binaryEmpty) {
        switch (type.family()) {
            case INTEGER:
            case DECIMAL:
            case FLOAT:
                return "COALESCE(" + expr + ", 0)";
            case TEXT:
                return "COALESCE(" + expr + ", '')";
            case BOOLEAN:
                return "COALESCE(" + expr + ", FALSE)";
            case DATE:
                return "COALESCE(" + expr + ", CAST('1970-01-01' AS DATE))";
            case TIMESTAMP:
                return "COALESCE(" + expr + ", CAST('1970-01-01 00:00:00' AS TIMESTAMP))";
            case TIMESTAMPTZ:
                return "COALESCE(" + expr + ", CAST('1970-01-01 00:00:00+00' AS TIMESTAMPTZ))";
            case BINARY:
                return "COALESCE(" + expr + ", " + binaryEmpty + ")";
            case JSON:
            case OTHER:
                return "COALESCE(" + text + ", '')";
            default:
                throw new IllegalArgumentException("unknown type family " + type.family());
        }
    }
}
