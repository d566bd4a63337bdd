package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.DELETED;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.DELETED_AT;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.OP;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.POSITION;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.SOURCE_TS;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.keyMatch;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.literal;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The merge statements, which run unchanged on Redshift and PostgreSQL: DELETE ... USING, INSERT
 * ... SELECT with NOT EXISTS, UPDATE of the stage, and a session temp table created LIKE the target
 * (Redshift has no {@code ON COMMIT DROP}, so the plan drops it itself). The steps per mode are
 * listed in {@code docs/tables.md}; the mirrored-table steps are in {@link GuardedMerge}.
 *
 * <p>A history table's stage holds every change of a key in the interval (the dedupe passes them
 * all through); after they are appended to the history, {@code keep-latest} leaves the newest per
 * key by position for the key-matched steps, which expect one row per key. Positions of one key in
 * a stage are distinct: the dedupe collapses changes at equal positions.
 *
 * <p>A table without a key is a change log (append) or a multiset mirror ({@link KeylessMerge}).
 *
 * <p>Binary values staged for Redshift carry a marker byte ({@link BinaryMarker}): the stage's
 * marked columns are widened before the load and the marker is removed first after it, so every
 * later step reads the values as they are.
 *
 * <p>Appends (history, delete archive, keyless change log) skip a change the table has already, and
 * a keyless mirror skips changes at or below its applied horizon ({@link ReplayGuard}): a change
 * delivered twice is appended once. The commit ledger alone only makes a replayed committable a
 * no-op; a change staged again in another committable is new to it.
 */
final class MergeStatements {

    /** The stage's alias in the self-join of {@code keep-latest}. */
    private static final String NEWER = "_b2r_newer";

    private MergeStatements() {}

    static MergePlan plan(MergeInput in, SqlDialect dialect) {
        TableShape shape = in.shape();
        String stage = ident(STAGE_TABLE);
        List<Step> before = new ArrayList<>();
        before.add(new Step("drop-stage", "DROP TABLE IF EXISTS " + stage, false));
        before.add(
                new Step(
                        "create-stage",
                        "CREATE TEMP TABLE " + stage + " (LIKE " + table(in.stageBase()) + ")",
                        false));
        in.stageExtras()
                .forEach(
                        (name, type) ->
                                before.add(
                                        new Step(
                                                "add-stage-column",
                                                "ALTER TABLE "
                                                        + stage
                                                        + " ADD COLUMN "
                                                        + ident(name)
                                                        + " "
                                                        + type,
                                                false)));
        List<Step> after = new ArrayList<>();
        if (!in.markedBinary().isEmpty()) {
            before.addAll(BinaryMarker.widenStage(in.markedBinary()));
            after.add(BinaryMarker.unmark(in.markedBinary()));
        }
        if (in.cutoffPosition() != null) {
            after.add(
                    new Step(
                            "drop-before-truncate",
                            "DELETE FROM "
                                    + stage
                                    + " WHERE "
                                    + ident(POSITION)
                                    + " < "
                                    + literal(in.cutoffPosition()),
                            false));
        }
        if (!shape.appendOnly() && in.mode().writesTarget()) {
            // Before anything copies staged rows: the history, the archive and the target.
            after.addAll(PartialRowFill.steps(in));
        }
        List<String> source =
                shape.columns().stream()
                        .map(ColumnDef::name)
                        .collect(Collectors.toUnmodifiableList());
        TableMode mode = in.mode();
        boolean keylessLog = shape.appendOnly() && appendsKeyless(mode);
        if (keylessLog) {
            // Rows an update replaces are staged for a mirror only; a log has the update's row.
            after.add(
                    new Step(
                            "drop-replaced",
                            "DELETE FROM "
                                    + stage
                                    + " WHERE "
                                    + ident(OP)
                                    + " = '"
                                    + ReservedNames.REPLACED_OP
                                    + "'",
                            false));
        }
        boolean mirror = shape.appendOnly() && !keylessLog && mode.writesTarget();
        if (mirror) {
            after.addAll(ReplayGuard.mirrorHorizon(shape));
        }
        if (mode.history()) {
            String notAppended = ReplayGuard.notAppended(shape.historyTable(), shape.key(), true);
            after.add(
                    new Step(
                            "insert-history",
                            copyRows(
                                    table(shape.historyTable()),
                                    source,
                                    List.of(OP, POSITION, SOURCE_TS),
                                    List.of(OP, POSITION, SOURCE_TS),
                                    shape.appendOnly() && !keylessLog
                                            ? ident(OP)
                                                    + " <> '"
                                                    + ReservedNames.REPLACED_OP
                                                    + "' AND "
                                                    + notAppended
                                            : notAppended),
                            false));
        }
        if (mode.archive() != DeleteArchive.NONE) {
            after.add(
                    new Step(
                            "insert-archive",
                            copyRows(
                                    table(shape.archiveTable()),
                                    source,
                                    List.of(POSITION, DELETED_AT),
                                    List.of(POSITION, SOURCE_TS),
                                    ident(OP)
                                            + " = 'd' AND "
                                            + ReplayGuard.notAppended(
                                                    shape.archiveTable(), shape.key(), false)),
                            !mode.writesTarget()));
        }
        if (!mode.writesTarget()) {
            return new MergePlan(before, after, "DROP TABLE IF EXISTS " + stage);
        }
        if (shape.appendOnly() && !keylessLog) {
            if (mode.deletes() == DeleteHandling.SKIP) {
                after.add(
                        new Step(
                                "skip-deletes",
                                "DELETE FROM " + stage + " WHERE " + ident(OP) + " = 'd'",
                                false));
            }
            List<String> hidden = in.guarded() ? List.of(POSITION, SOURCE_TS) : List.<String>of();
            after.addAll(KeylessMerge.steps(shape, in.carriedColumns(), hidden, dialect));
            return new MergePlan(before, after, "DROP TABLE IF EXISTS " + stage);
        }
        if (shape.appendOnly()) {
            after.add(
                    new Step(
                            "append",
                            copyRows(
                                    table(shape.table()),
                                    source,
                                    List.of(POSITION, SOURCE_TS, OP),
                                    List.of(POSITION, SOURCE_TS, OP),
                                    in.guarded()
                                            ? ReplayGuard.notAppended(
                                                    shape.table(), shape.key(), true)
                                            : null),
                            true));
            return new MergePlan(before, after, "DROP TABLE IF EXISTS " + stage);
        }
        if (mode.history()) {
            after.add(new Step("keep-latest", keepLatest(shape.key()), false));
        }
        List<String> hidden = new ArrayList<>();
        if (mode.deletes() == DeleteHandling.SOFT) {
            after.add(
                    new Step(
                            "flag-deleted",
                            "UPDATE "
                                    + stage
                                    + " SET "
                                    + ident(DELETED)
                                    + " = CASE WHEN "
                                    + ident(OP)
                                    + " = 'd' THEN TRUE ELSE FALSE END, "
                                    + ident(DELETED_AT)
                                    + " = CASE WHEN "
                                    + ident(OP)
                                    + " = 'd' THEN "
                                    + ident(SOURCE_TS)
                                    + " END",
                            false));
            hidden.add(DELETED);
            hidden.add(DELETED_AT);
        }
        if (mode.deletes() != DeleteHandling.APPLY) {
            // The delete's before image is the row as it was last: written as an update.
            after.add(
                    new Step(
                            "keep-deleted",
                            "UPDATE "
                                    + stage
                                    + " SET "
                                    + ident(OP)
                                    + " = 'u' WHERE "
                                    + ident(OP)
                                    + " = 'd'",
                            false));
        }
        if (in.guarded()) {
            after.addAll(GuardedMerge.steps(shape, source, hidden));
        } else {
            after.addAll(GuardedMerge.unguardedSteps(shape, source));
        }
        return new MergePlan(before, after, "DROP TABLE IF EXISTS " + stage);
    }

    /**
     * A table without a key is a change log in APPEND mode and with soft deletes (a flagged copy of
     * a multiset is not defined; the rules keep such tables logs, see {@code TableRule}).
     */
    private static boolean appendsKeyless(TableMode mode) {
        return mode.keyless() == KeylessMode.APPEND || mode.deletes() == DeleteHandling.SOFT;
    }

    /** Deletes every staged change of a key that a staged change at a greater position follows. */
    private static String keepLatest(List<String> key) {
        String stage = ident(STAGE_TABLE);
        return "DELETE FROM "
                + stage
                + " USING "
                + stage
                + " AS "
                + ident(NEWER)
                + " WHERE "
                + keyMatch(NEWER, STAGE_TABLE, key)
                + " AND "
                + ident(NEWER)
                + "."
                + ident(POSITION)
                + " > "
                + stage
                + "."
                + ident(POSITION);
    }

    /**
     * {@code INSERT INTO t (source..., hidden...) SELECT source..., from... FROM stage [WHERE]}.
     */
    private static String copyRows(
            String into,
            List<String> source,
            List<String> hidden,
            List<String> from,
            String where) {
        List<String> target = new ArrayList<>(source);
        target.addAll(hidden);
        List<String> select = new ArrayList<>(source);
        select.addAll(from);
        return "INSERT INTO "
                + into
                + " ("
                + identList(target)
                + ") SELECT "
                + identList(select)
                + " FROM "
                + ident(STAGE_TABLE)
                + (where == null ? "" : " WHERE " + where);
    }
}
