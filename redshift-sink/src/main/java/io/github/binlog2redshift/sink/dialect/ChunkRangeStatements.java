package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.ReservedNames.POSITION;
import static io.github.binlog2redshift.sink.dialect.ReservedNames.STAGE_TABLE;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.literal;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.sink.TargetTable;
import java.math.BigInteger;

/**
 * Statements of snapshot chunk ranges ({@link SnapshotChunk}), the same on Redshift and PostgreSQL.
 * A table's ranges live in {@code <table>_b2r_ranges}: the key column (empty for a whole-table
 * chunk), the bounds, and the position at which the chunk's rows were all of the range's rows. Rows
 * of the range at an older position are stale: the merge that brings a chunk deletes them from the
 * target, and every merge drops them from its stage (a copy of the chunk's range can be committed
 * by one sink subtask before another commits an older read's rows).
 */
public final class ChunkRangeStatements {

    static final String KEY_COLUMN = "key_column";
    static final String FROM = "range_from";
    static final String TO = "range_to";
    static final String COMMITTED_AT = "committed_at";

    private ChunkRangeStatements() {}

    /** The table's ranges table, created unless it exists. */
    public static String create(TargetTable ranges) {
        return "CREATE TABLE IF NOT EXISTS "
                + table(ranges)
                + " ("
                + ident(KEY_COLUMN)
                + " VARCHAR(128) NOT NULL, "
                + ident(FROM)
                + " NUMERIC(20,0), "
                + ident(TO)
                + " NUMERIC(20,0), "
                + ident(POSITION)
                + " VARCHAR("
                + ReservedNames.POSITION_WIDTH
                + ") NOT NULL, "
                + ident(COMMITTED_AT)
                + " TIMESTAMP NOT NULL)";
    }

    /** Removes an earlier record of the same range (a copy), before {@link #insert}. */
    public static String forget(TargetTable ranges, SnapshotChunk chunk, String position) {
        return "DELETE FROM "
                + table(ranges)
                + " WHERE "
                + ident(POSITION)
                + " = "
                + literal(position)
                + " AND "
                + ident(KEY_COLUMN)
                + " = "
                + literal(keyColumn(chunk))
                + " AND "
                + sameBound(FROM, chunk.from())
                + " AND "
                + sameBound(TO, chunk.to());
    }

    public static String insert(
            TargetTable ranges, SnapshotChunk chunk, String position, String now) {
        return "INSERT INTO "
                + table(ranges)
                + " ("
                + ident(KEY_COLUMN)
                + ", "
                + ident(FROM)
                + ", "
                + ident(TO)
                + ", "
                + ident(POSITION)
                + ", "
                + ident(COMMITTED_AT)
                + ") VALUES ("
                + literal(keyColumn(chunk))
                + ", "
                + number(chunk.from())
                + ", "
                + number(chunk.to())
                + ", "
                + literal(position)
                + ", "
                + now
                + ")";
    }

    /** Deletes the target's rows of the range older than {@code position}. */
    public static String deleteOlder(TargetTable t, SnapshotChunk chunk, String position) {
        return "DELETE FROM " + table(t) + " WHERE " + olderInRange(chunk, position);
    }

    /** Soft-delete tables: flags the target's rows of the range older than {@code position}. */
    public static String markOlderDeleted(
            TargetTable t, SnapshotChunk chunk, String position, String now) {
        return ColumnStatements.markAllDeleted(t, now) + " AND " + olderInRange(chunk, position);
    }

    /**
     * The key columns of recorded ranges newer than the stage's oldest row: only those can make a
     * staged row stale, and after the snapshot there are none.
     */
    public static String columnsNewerThanStage(TargetTable ranges) {
        return "SELECT DISTINCT "
                + ident(KEY_COLUMN)
                + " FROM "
                + table(ranges)
                + " WHERE "
                + ident(POSITION)
                + " > (SELECT MIN("
                + ident(POSITION)
                + ") FROM "
                + ident(STAGE_TABLE)
                + ")";
    }

    /**
     * Drops staged rows that lie in a recorded range of {@code keyColumn} (empty: whole table) and
     * are older than it.
     */
    public static String dropStaleStaged(TargetTable ranges, String keyColumn) {
        String r = ident(ranges.name()) + ".";
        String stage = ident(STAGE_TABLE) + ".";
        StringBuilder sql =
                new StringBuilder("DELETE FROM ")
                        .append(ident(STAGE_TABLE))
                        .append(" USING ")
                        .append(table(ranges))
                        .append(" WHERE ")
                        .append(r)
                        .append(ident(KEY_COLUMN))
                        .append(" = ")
                        .append(literal(keyColumn))
                        .append(" AND ")
                        .append(r)
                        .append(ident(POSITION))
                        .append(" > ")
                        .append(stage)
                        .append(ident(POSITION));
        if (!keyColumn.isEmpty()) {
            String key = stage + ident(keyColumn);
            sql.append(" AND (").append(r).append(ident(FROM)).append(" IS NULL OR ");
            sql.append(key).append(" >= ").append(r).append(ident(FROM)).append(")");
            sql.append(" AND (").append(r).append(ident(TO)).append(" IS NULL OR ");
            sql.append(key).append(" < ").append(r).append(ident(TO)).append(")");
        }
        return sql.toString();
    }

    private static String olderInRange(SnapshotChunk chunk, String position) {
        StringBuilder sql =
                new StringBuilder(ident(POSITION)).append(" < ").append(literal(position));
        if (chunk.from() != null) {
            sql.append(" AND ")
                    .append(ident(chunk.keyColumn()))
                    .append(" >= ")
                    .append(chunk.from());
        }
        if (chunk.to() != null) {
            sql.append(" AND ").append(ident(chunk.keyColumn())).append(" < ").append(chunk.to());
        }
        return sql.toString();
    }

    private static String keyColumn(SnapshotChunk chunk) {
        return chunk.keyColumn() == null ? "" : chunk.keyColumn();
    }

    private static String sameBound(String column, BigInteger bound) {
        return ident(column) + (bound == null ? " IS NULL" : " = " + bound);
    }

    private static String number(BigInteger bound) {
        return bound == null ? "NULL" : bound.toString();
    }
}
