package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.List;
import java.util.function.Function;

/**
 * CREATE TABLE text shared by both dialects. Only key columns are NOT NULL: the warehouse copy does
 * not re-check source constraints, and a NOT NULL column added later would need a default.
 */
final class TableStatements {

    private TableStatements() {}

    static String createTarget(TableShape shape, Function<ColumnDef, String> type, String suffix) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
        sql.append(table(shape.table())).append(" (");
        for (ColumnDef c : shape.columns()) {
            sql.append(ident(c.name())).append(' ').append(type.apply(c));
            if (shape.key().contains(c.name())) {
                sql.append(" NOT NULL");
            }
            sql.append(", ");
        }
        sql.append(ident(ReservedNames.POSITION))
                .append(" VARCHAR(")
                .append(ReservedNames.POSITION_WIDTH)
                .append("), ");
        sql.append(ident(ReservedNames.SOURCE_TS)).append(" TIMESTAMPTZ, ");
        sql.append("PRIMARY KEY (").append(identList(shape.key())).append("))").append(suffix);
        return sql.toString();
    }

    static String createTombstones(
            TableShape shape, Function<ColumnDef, String> type, String suffix) {
        StringBuilder sql = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
        sql.append(table(shape.tombstoneTable())).append(" (");
        for (ColumnDef c : shape.keyColumns()) {
            sql.append(ident(c.name())).append(' ').append(type.apply(c)).append(" NOT NULL, ");
        }
        sql.append(ident(ReservedNames.POSITION))
                .append(" VARCHAR(")
                .append(ReservedNames.POSITION_WIDTH)
                .append(") NOT NULL, ");
        sql.append("PRIMARY KEY (").append(identList(shape.key())).append("))").append(suffix);
        return sql.toString();
    }

    /**
     * Redshift's table options: distribute on the first key column (equal keys share it, so the
     * merge's key join stays node-local) and sort on the whole key.
     */
    static String redshiftLayout(List<String> key) {
        return " DISTSTYLE KEY DISTKEY ("
                + ident(key.get(0))
                + ") SORTKEY ("
                + identList(key)
                + ")";
    }
}
