package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.OP;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.POSITION;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.SOURCE_TS;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.keyMatch;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.ArrayList;
import java.util.List;

/**
 * The merge statements, which run unchanged on Redshift and PostgreSQL: DELETE ... USING, INSERT
 * ... SELECT with NOT EXISTS, and a session temp table created LIKE the target (Redshift has no
 * {@code ON COMMIT DROP}, so the plan drops it itself).
 *
 * <p>Positions compare with "not newer" ({@code <=}): an equal position is either the very same
 * change replayed (rewriting it changes nothing) or, for inputs without binlog coordinates (DMS,
 * Canal: all-zero positions), a later batch, which must win.
 *
 * <p>Columns of the target and the tombstones are referenced by their unqualified table name (e.g.
 * {@code "orders"."id"}), which both warehouses resolve within the statement.
 */
final class MergeStatements {

    private MergeStatements() {}

    static MergePlan plan(TableShape shape) {
        String target = table(shape.table());
        String tName = shape.table().name();
        String tomb = table(shape.tombstoneTable());
        String tombName = shape.tombstoneTable().name();
        String stage = ident(STAGE_TABLE);
        List<String> key = shape.key();
        String stagePos = stage + "." + ident(POSITION);

        String deleteOlder =
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
                        + stagePos;
        String deleteOlderTombstones =
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
                        + stagePos;
        List<String> tombColumns = new ArrayList<>(key);
        tombColumns.add(POSITION);
        String insertTombstones =
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
                        + ")";
        List<String> columns = new ArrayList<>();
        for (ColumnDef c : shape.columns()) {
            columns.add(c.name());
        }
        columns.add(POSITION);
        columns.add(SOURCE_TS);
        String insertNewer =
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
                        + ")";
        return new MergePlan(
                "DROP TABLE IF EXISTS " + stage,
                "CREATE TEMP TABLE " + stage + " (LIKE " + target + ")",
                "ALTER TABLE " + stage + " ADD COLUMN " + ident(OP) + " CHAR(1)",
                deleteOlder,
                deleteOlderTombstones,
                insertTombstones,
                insertNewer);
    }
}
