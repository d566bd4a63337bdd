package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy.DistStyle;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.function.Function;

/**
 * CREATE TABLE text shared by both dialects: the target, its tombstones, its delete archive and its
 * history. Only key columns are NOT NULL: the warehouse copy does not re-check source constraints,
 * and a NOT NULL column added later would need a default.
 */
final class TableStatements {

    private static final String POSITION_TYPE = " VARCHAR(" + ReservedNames.POSITION_WIDTH + ")";

    private TableStatements() {}

    /**
     * Source columns, {@code _b2r_pos}, {@code _b2r_ts}, then the mode's columns: {@code
     * _b2r_deleted} and {@code _b2r_deleted_at} for soft deletes, {@code _b2r_op} for a table
     * without a key written as a change log (a keyless mirror is a copy and has none).
     */
    static String createTarget(
            TableShape shape, TableMode mode, Function<ColumnDef, String> type, String suffix) {
        StringBuilder sql = open(shape.table());
        sourceColumns(sql, shape, type, true);
        sql.append(ident(ReservedNames.POSITION)).append(POSITION_TYPE).append(", ");
        sql.append(ident(ReservedNames.SOURCE_TS)).append(" TIMESTAMPTZ");
        if (mode.deletes() == DeleteHandling.SOFT) {
            sql.append(", ").append(ident(ReservedNames.DELETED)).append(" BOOLEAN");
            sql.append(", ").append(ident(ReservedNames.DELETED_AT)).append(" TIMESTAMPTZ");
        }
        if (shape.key().isEmpty()) {
            if (mode.keyless() == KeylessMode.APPEND || mode.deletes() == DeleteHandling.SOFT) {
                sql.append(", ").append(ident(ReservedNames.OP)).append(" CHAR(1)");
            }
        } else {
            sql.append(", PRIMARY KEY (").append(identList(shape.key())).append(")");
        }
        return sql.append(")").append(suffix).toString();
    }

    static String createTombstones(
            TableShape shape, Function<ColumnDef, String> type, String suffix) {
        StringBuilder sql = open(shape.tombstoneTable());
        for (ColumnDef c : shape.keyColumns()) {
            sql.append(ident(c.name())).append(' ').append(type.apply(c)).append(" NOT NULL, ");
        }
        sql.append(ident(ReservedNames.POSITION)).append(POSITION_TYPE).append(" NOT NULL, ");
        sql.append("PRIMARY KEY (").append(identList(shape.key())).append("))").append(suffix);
        return sql.toString();
    }

    /** {@code <table>_delete}: every source column, the delete's position and time. */
    static String createArchive(TableShape shape, Function<ColumnDef, String> type, String suffix) {
        StringBuilder sql = open(shape.archiveTable());
        sourceColumns(sql, shape, type, false);
        sql.append(ident(ReservedNames.POSITION)).append(POSITION_TYPE).append(", ");
        sql.append(ident(ReservedNames.DELETED_AT)).append(" TIMESTAMPTZ)");
        return sql.append(suffix).toString();
    }

    /** {@code <table>_history}: every source column, the operation, position and time. */
    static String createHistory(TableShape shape, Function<ColumnDef, String> type, String suffix) {
        StringBuilder sql = open(shape.historyTable());
        sourceColumns(sql, shape, type, false);
        sql.append(ident(ReservedNames.OP)).append(" CHAR(1), ");
        sql.append(ident(ReservedNames.POSITION)).append(POSITION_TYPE).append(", ");
        sql.append(ident(ReservedNames.SOURCE_TS)).append(" TIMESTAMPTZ)");
        return sql.append(suffix).toString();
    }

    private static StringBuilder open(TargetTable t) {
        return new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(table(t)).append(" (");
    }

    private static void sourceColumns(
            StringBuilder sql, TableShape shape, Function<ColumnDef, String> type, boolean keys) {
        for (ColumnDef c : shape.columns()) {
            sql.append(ident(c.name())).append(' ').append(type.apply(c));
            if (keys && shape.key().contains(c.name())) {
                sql.append(" NOT NULL");
            }
            sql.append(", ");
        }
    }

    /**
     * Redshift's table options. KEY distributes on the first key column (equal keys share it, so
     * the merge's key join stays node-local); a table without a key cannot, and gets AUTO. The sort
     * key is the configured one, else the key, else (append-only tables) the source position.
     */
    static String redshiftLayout(List<String> key, TableMode mode) {
        StringBuilder s = new StringBuilder();
        DistStyle style = mode.distStyle();
        if (style == DistStyle.KEY && key.isEmpty()) {
            style = DistStyle.AUTO;
        }
        s.append(" DISTSTYLE ").append(style.name());
        if (style == DistStyle.KEY) {
            s.append(" DISTKEY (").append(ident(key.get(0))).append(")");
        }
        List<String> sort =
                !mode.sortKey().isEmpty()
                        ? mode.sortKey()
                        : key.isEmpty() ? List.of(ReservedNames.POSITION) : key;
        return s.append(" SORTKEY (").append(identList(sort)).append(")").toString();
    }
}
