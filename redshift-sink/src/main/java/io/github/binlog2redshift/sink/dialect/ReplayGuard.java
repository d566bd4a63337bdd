package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.OP;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.POSITION;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.keyMatch;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.literal;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes appends idempotent on the change's source position, inside the merge transaction: a change
 * delivered again (cdc-source's at-least-once delivery, a sink restored from an older savepoint,
 * which stages it anew under another staging id that the commit ledger does not know) is not
 * appended again to a history, delete archive, keyless change log or keyless mirror.
 *
 * <p>What identifies a change: its position, where the position is one change's own, i.e. from the
 * first binlog file on ({@link #FIRST_BINLOG}). Positions from no binlog (DMS, Canal: file sequence
 * 0; snapshot rows from before snapshot watermarks: (0, 0, 0)) identify nothing and are always
 * appended. A table with a key: (key, position), which a snapshot row has of its own too (its
 * chunk's high watermark). A table without a key: (position, op) of binlog changes only; the rows
 * of one snapshot chunk share its watermark, so two identical rows of one chunk could not be told
 * apart from one row delivered twice, and snapshot rows ({@code r}) are always appended.
 *
 * <ul>
 *   <li>history, delete archive, keyless change log: {@link #notAppended}, an anti-join against the
 *       appended table on the identity (Redshift joins on the table's DISTKEY and SORTKEY: the
 *       first key column, or the position for a keyless table);
 *   <li>keyless mirror: its rows are rewritten and deleted, so the target cannot tell which changes
 *       it applied. Its changes are applied in source order by one committer ({@code
 *       docs/tables.md}), so the newest binlog position applied is a horizon: every binlog change
 *       at or below it was applied. {@link #mirrorHorizon} drops them from the stage first and
 *       keeps only the newest position in {@code <table>_b2r_applied}, one row.
 * </ul>
 *
 * <p>Within one stage the dedupe collapses copies of a change ({@code EveryChangeOrder}), so the
 * anti-join against the table suffices. The anti-join's stage-side conditions sit inside the
 * correlated subquery: Redshift does not run a correlated subquery under an OR (<a
 * href="https://docs.aws.amazon.com/redshift/latest/dg/r_correlated_subqueries.html">Correlated
 * subqueries</a>).
 */
final class ReplayGuard {

    /** The sort key of the first position of the first binlog file: (1, 0, 0). */
    static final String FIRST_BINLOG =
            new SourcePosition(0, null, 1, 0, 0, null, false, 0).sortKey();

    /**
     * Sort keys of an epoch above 0 without a binlog file ({@code E}, three digits of epoch, file
     * sequence 0): they sort after {@link #FIRST_BINLOG} but identify no change.
     */
    static final String NO_FILE_IN_EPOCH = "E___00000000:%";

    /** The derived table of the stage's newest binlog position. */
    private static final String NEWEST = "_b2r_newest";

    private ReplayGuard() {}

    /**
     * {@code NOT EXISTS} a row of {@code into} with the stage row's identity.
     *
     * @param key the table's key columns, empty for a table without a key
     * @param withOp whether {@code into} has the op column (history, change log; not an archive)
     */
    static String notAppended(TargetTable into, List<String> key, boolean withOp) {
        List<String> identity = new ArrayList<>(key);
        identity.add(POSITION);
        if (key.isEmpty() && withOp) {
            identity.add(OP);
        }
        return "NOT EXISTS (SELECT 1 FROM "
                + table(into)
                + " WHERE "
                + keyMatch(into.name(), STAGE_TABLE, identity)
                + " AND "
                + identified(ident(STAGE_TABLE) + ".", key.isEmpty())
                + ")";
    }

    /**
     * The steps that keep a keyless mirror's horizon, run before anything reads the stage: create
     * its table if missing, drop the binlog changes at or below it, record the stage's newest and
     * keep only the newest row.
     */
    static List<Step> mirrorHorizon(TableShape shape) {
        String applied = table(shape.appliedTable());
        String stage = ident(STAGE_TABLE);
        String newest = "(SELECT MAX(" + ident(POSITION) + ") FROM " + applied + ")";
        List<Step> steps = new ArrayList<>();
        steps.add(
                new Step(
                        "create-applied",
                        "CREATE TABLE IF NOT EXISTS "
                                + applied
                                + " ("
                                + ident(POSITION)
                                + " VARCHAR("
                                + ReservedNames.POSITION_WIDTH
                                + ") NOT NULL)",
                        false));
        steps.add(
                new Step(
                        MergePlan.SKIP_APPLIED,
                        "DELETE FROM "
                                + stage
                                + " WHERE "
                                + identified("", true)
                                + " AND "
                                + ident(POSITION)
                                + " <= "
                                + newest,
                        false));
        steps.add(
                new Step(
                        "record-applied",
                        // A derived table, not HAVING without GROUP BY: plain on both.
                        "INSERT INTO "
                                + applied
                                + " ("
                                + ident(POSITION)
                                + ") SELECT "
                                + ident(POSITION)
                                + " FROM (SELECT MAX("
                                + ident(POSITION)
                                + ") AS "
                                + ident(POSITION)
                                + " FROM "
                                + stage
                                + " WHERE "
                                + identified("", true)
                                + ") AS "
                                + ident(NEWEST)
                                + " WHERE "
                                + ident(POSITION)
                                + " IS NOT NULL",
                        false));
        steps.add(
                new Step(
                        "prune-applied",
                        "DELETE FROM " + applied + " WHERE " + ident(POSITION) + " < " + newest,
                        false));
        return steps;
    }

    /** The stage row's position identifies one change (see the class comment). */
    private static String identified(String qualifier, boolean keyless) {
        String column = qualifier + ident(POSITION);
        String position =
                column
                        + " >= "
                        + literal(FIRST_BINLOG)
                        + " AND "
                        + column
                        + " NOT LIKE "
                        + literal(NO_FILE_IN_EPOCH);
        return keyless ? qualifier + ident(OP) + " <> 'r' AND " + position : position;
    }
}
