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
     * else the first primary key column (Flink CDC's choice). One catalog query for every first
     * primary key column, its type and the table's row estimate; one more per configured chunk key
     * of a keyed table (the warning does not describe a keyless table's key).
     */
    static List<ChunkKey> read(
            Connection c, SourceConfig config, List<TableId> captured, Set<TableId> withPk)
            throws SQLException {
        Map<TableId, ChunkKey> firstPk = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs =
                        s.executeQuery(
                                "SELECT k.table_schema, k.table_name, k.column_name, c.data_type,"
                                        + " COALESCE(c.numeric_scale, 0), t.table_rows"
                                        + " FROM information_schema.key_column_usage k"
                                        + " JOIN information_schema.columns c"
                                        + " ON c.table_schema = k.table_schema"
                                        + " AND c.table_name = k.table_name"
                                        + " AND c.column_name = k.column_name"
                                        + " JOIN information_schema.tables t"
                                        + " ON t.table_schema = k.table_schema"
                                        + " AND t.table_name = k.table_name"
                                        + " WHERE k.constraint_name = 'PRIMARY'"
                                        + " AND k.ordinal_position = 1")) {
            while (rs.next()) {
                TableId t = TableId.of(rs.getString(1), rs.getString(2));
                firstPk.put(
                        t,
                        new ChunkKey(
                                t,
                                true,
                                rs.getString(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getLong(6)));
            }
        }
        List<ChunkKey> out = new ArrayList<>();
        for (TableId t : captured) {
            String configured = config.chunkKeyColumns().get(t.toString());
            // Not found: a key of unknown type, which the warning names (the stricter reading).
            ChunkKey pk = firstPk.getOrDefault(t, new ChunkKey(t, true, null, null, 0, 0));
            if (!withPk.contains(t)) {
                out.add(new ChunkKey(t, false, configured, null, 0, 0));
            } else if (configured == null || configured.equals(pk.column)) {
                out.add(pk);
            } else {
                out.add(configuredKey(c, pk, configured));
            }
        }
        return out;
    }

    /** {@code pk}'s table split on {@code column} instead of its first primary key column. */
    private static ChunkKey configuredKey(Connection c, ChunkKey pk, String column)
            throws SQLException {
        try (PreparedStatement type =
                c.prepareStatement(
                        "SELECT data_type, COALESCE(numeric_scale, 0)"
                                + " FROM information_schema.columns"
                                + " WHERE table_schema = ? AND table_name = ? AND column_name = ?")) {
            type.setString(1, pk.table.database());
            type.setString(2, pk.table.table());
            type.setString(3, column);
            try (ResultSet rs = type.executeQuery()) {
                boolean found = rs.next();
                return new ChunkKey(
                        pk.table,
                        true,
                        column,
                        found ? rs.getString(1) : null,
                        found ? rs.getInt(2) : 0,
                        pk.estimatedRows);
            }
        }
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
