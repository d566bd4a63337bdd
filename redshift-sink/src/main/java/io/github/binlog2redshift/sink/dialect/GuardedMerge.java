package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.OP;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.POSITION;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.SOURCE_TS;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.keyMatch;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The key-matched steps of a mirrored table. Positions compare with "not newer" ({@code <=}): an
 * equal position is either the very same change replayed (rewriting it changes nothing) or, for
 * inputs without binlog coordinates (DMS, Canal: all-zero positions), a later batch, which must
 * win. Columns of the target and the tombstones are referenced by their unqualified table name
 * (e.g. {@code "orders"."id"}), which both warehouses resolve within the statement.
 */
final class GuardedMerge {

    private GuardedMerge() {}

    static List<Step> steps(TableShape shape, List<String> source, List<String> hidden) {
        String target = table(shape.table());
        String tName = shape.table().name();
        String tomb = table(shape.tombstoneTable());
        String tombName = shape.tombstoneTable().name();
        String stage = ident(STAGE_TABLE);
        List<String> key = shape.key();
        String stagePos = stage + "." + ident(POSITION);
        List<Step> steps = new ArrayList<>();
        steps.add(
                new Step(
                        "delete-older",
                        "DELETE FROM "
                                + target
                                + " USING "
                                + stage
                                + " WHERE "
                                + keyMatch(tName, STAGE_TABLE, key)
                                + " AND COALESCE("
                                + ident(tName)
                                + "."
                                + ident(POSITION)
                                + ", '') <= "
                                + stagePos,
                        false));
        steps.add(
                new Step(
                        "delete-older-tombstones",
                        "DELETE FROM "
                                + tomb
                                + " USING "
                                + stage
                                + " WHERE "
                                + keyMatch(tombName, STAGE_TABLE, key)
                                + " AND "
                                + ident(tombName)
                                + "."
                                + ident(POSITION)
                                + " <= "
                                + stagePos,
                        false));
        List<String> tombColumns = new ArrayList<>(key);
        tombColumns.add(POSITION);
        steps.add(
                new Step(
                        "insert-tombstones",
                        "INSERT INTO "
                                + tomb
                                + " ("
                                + identList(tombColumns)
                                + ") SELECT "
                                + identList(tombColumns)
                                + " FROM "
                                + stage
                                + " WHERE "
                                + ident(OP)
                                + " = 'd' AND NOT EXISTS (SELECT 1 FROM "
                                + tomb
                                + " WHERE "
                                + keyMatch(tombName, STAGE_TABLE, key)
                                + ")",
                        true));
        List<String> columns = new ArrayList<>(source);
        columns.add(POSITION);
        columns.add(SOURCE_TS);
        columns.addAll(hidden);
        steps.add(
                new Step(
                        "insert-newer",
                        "INSERT INTO "
                                + target
                                + " ("
                                + identList(columns)
                                + ") SELECT "
                                + identList(columns)
                                + " FROM "
                                + stage
                                + " WHERE "
                                + ident(OP)
                                + " <> 'd' AND NOT EXISTS (SELECT 1 FROM "
                                + target
                                + " WHERE "
                                + keyMatch(tName, STAGE_TABLE, key)
                                + ") AND NOT EXISTS (SELECT 1 FROM "
                                + tomb
                                + " WHERE "
                                + keyMatch(tombName, STAGE_TABLE, key)
                                + " AND "
                                + ident(tombName)
                                + "."
                                + ident(POSITION)
                                + " > "
                                + stagePos
                                + ")",
                        true));
        return steps;
    }

    /**
     * A user-managed table without {@code _b2r_pos} ({@code ignore_ddl}): the reference sink's
     * plain delete by key and insert of the batch's latest rows, with no guard against older
     * batches (there is no position to compare).
     */
    static List<Step> unguardedSteps(TableShape shape, List<String> source) {
        String target = table(shape.table());
        String stage = ident(STAGE_TABLE);
        return List.of(
                new Step(
                        "delete-matching",
                        "DELETE FROM "
                                + target
                                + " USING "
                                + stage
                                + " WHERE "
                                + keyMatch(shape.table().name(), STAGE_TABLE, shape.key()),
                        false),
                new Step(
                        "insert-latest",
                        "INSERT INTO "
                                + target
                                + " ("
                                + identList(source)
                                + ") SELECT "
                                + identList(source)
                                + " FROM "
                                + stage
                                + " WHERE "
                                + ident(OP)
                                + " <> 'd'",
                        true));
    }
}
