package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.event.TableId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The captured tables whose snapshot chunks may carry no key range ({@code ChunkRanges}), so that
 * under at-least-once delivery a row deleted between two reads of a chunk can stay in their target
 * (docs/cdc-source.md, "Snapshots and the delivery guarantee"): tables without a primary key (the
 * sink keeps them as multisets) and tables whose chunk key is not an integer. The latter are
 * covered when read in one chunk, but whether they are is decided by Flink CDC when it splits them;
 * the row estimate of {@code information_schema} can lag, so they are all listed, with it.
 */
final class UncoveredTables {

    /** How many tables of each kind the warning names before it counts the rest. */
    static final int NAMED = 20;

    /** One captured table's snapshot chunk key, as the server describes it. */
    static final class ChunkKey {
        final TableId table;
        final boolean primaryKey;
        final String column;
        final String dataType;
        final int scale;
        final long estimatedRows;

        ChunkKey(
                TableId table,
                boolean primaryKey,
                String column,
                String dataType,
                int scale,
                long estimatedRows) {
            this.table = table;
            this.primaryKey = primaryKey;
            this.column = column;
            this.dataType = dataType;
            this.scale = scale;
            this.estimatedRows = estimatedRows;
        }

        /** The types whose bounds the sink compares as MySQL does (see ChunkRanges). */
        boolean integer() {
            if (dataType == null) {
                return false;
            }
            switch (dataType.toLowerCase(Locale.ROOT)) {
                case "tinyint":
                case "smallint":
                case "mediumint":
                case "int":
                case "integer":
                case "bigint":
                    return true;
                case "decimal":
                case "numeric":
                    return scale == 0;
                default:
                    return false;
            }
        }
    }

    private UncoveredTables() {}

    /**
     * The chunk keys of {@code captured}: the configured {@code source.chunk-key-columns} column,
     * else the first primary key column (Flink CDC's choice).
     */
    static List<ChunkKey> read(
            Connection c, SourceConfig config, List<TableId> captured, Set<TableId> withPk)
            throws SQLException {
        Map<TableId, String> firstPk = new HashMap<>();
        Map<TableId, Long> rows = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT table_schema, table_name, column_name"
                                        + " FROM information_schema.key_column_usage"
                                        + " WHERE constraint_name = 'PRIMARY'"
                                        + " AND ordinal_position = 1")) {
            while (rs.next()) {
                firstPk.put(TableId.of(rs.getString(1), rs.getString(2)), rs.getString(3));
            }
        }
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT table_schema, table_name, table_rows"
                                        + " FROM information_schema.tables"
                                        + " WHERE table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                rows.put(TableId.of(rs.getString(1), rs.getString(2)), rs.getLong(3));
            }
        }
        List<ChunkKey> out = new ArrayList<>();
        try (PreparedStatement type =
                c.prepareStatement(
                        "SELECT data_type, COALESCE(numeric_scale, 0)"
                                + " FROM information_schema.columns"
                                + " WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            for (TableId t : captured) {
                String column = config.chunkKeyColumns().getOrDefault(t.toString(), firstPk.get(t));
                String dataType = null;
                int scale = 0;
                if (column != null) {
                    type.setString(1, t.database());
                    type.setString(2, t.table());
                    type.setString(3, column);
                    try (ResultSet rs = type.executeQuery()) {
                        if (rs.next()) {
                            dataType = rs.getString(1);
                            scale = rs.getInt(2);
                        }
                    }
                }
                out.add(
                        new ChunkKey(
                                t,
                                withPk.contains(t),
                                column,
                                dataType,
                                scale,
                                rows.getOrDefault(t, 0L)));
            }
        }
        return out;
    }

    /**
     * What the at-least-once warning says about {@code keys}: the tables without a primary key and
     * those split on a column that is not an integer; empty when every table is covered.
     */
    static String describe(List<ChunkKey> keys, int chunkSize) {
        List<String> keyless = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (ChunkKey k : keys) {
            if (!k.primaryKey) {
                keyless.add(k.table.toString());
            } else if (!k.integer()) {
                other.add(
                        k.table
                                + " ("
                                + k.column
                                + " "
                                + (k.dataType == null ? "of unknown type" : k.dataType)
                                + ", about "
                                + k.estimatedRows
                                + " rows)");
            }
        }
        StringBuilder sb = new StringBuilder();
        if (!keyless.isEmpty()) {
            sb.append("without a primary key: ").append(names(keyless));
        }
        if (!other.isEmpty()) {
            sb.append(sb.length() == 0 ? "" : "; ")
                    .append("split on a column that is not an integer, covered only when read in")
                    .append(" one chunk of source.snapshot.chunk-size=")
                    .append(chunkSize)
                    .append(" rows: ")
                    .append(names(other));
        }
        return sb.toString();
    }

    private static String names(List<String> names) {
        if (names.size() <= NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, NAMED))
                + " and "
                + (names.size() - NAMED)
                + " more";
    }
}
