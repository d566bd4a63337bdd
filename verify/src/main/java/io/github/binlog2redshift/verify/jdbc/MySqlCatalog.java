package io.github.binlog2redshift.verify.jdbc;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.verify.schema.SourceColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the source's tables, columns and primary keys from MySQL/MariaDB information_schema. */
public final class MySqlCatalog {

    private static final String TABLES =
            "SELECT TABLE_SCHEMA, TABLE_NAME FROM information_schema.TABLES"
                    + " WHERE TABLE_TYPE = 'BASE TABLE' AND TABLE_SCHEMA NOT IN"
                    + " ('mysql', 'information_schema', 'performance_schema', 'sys')"
                    + " ORDER BY TABLE_SCHEMA, TABLE_NAME";
    private static final String COLUMNS =
            "SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, NUMERIC_SCALE FROM information_schema.COLUMNS"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
    private static final String PRIMARY_KEY =
            "SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
                    + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY'"
                    + " ORDER BY ORDINAL_POSITION";

    private final Connection connection;

    public MySqlCatalog(Connection connection) {
        this.connection = connection;
    }

    /** Every base table outside the system schemas; the caller filters by include/exclude. */
    public List<TableId> tables() throws SQLException {
        List<TableId> tables = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(TABLES);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.add(TableId.of(rs.getString(1), rs.getString(2)));
            }
        }
        return tables;
    }

    public List<SourceColumn> columns(TableId table) throws SQLException {
        List<SourceColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, table.database());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(
                            new SourceColumn(
                                    rs.getString(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getInt(4)));
                }
            }
        }
        return columns;
    }

    /** Primary-key columns in key order; empty for a table without one. */
    public List<String> primaryKey(TableId table) throws SQLException {
        List<String> key = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEY)) {
            ps.setString(1, table.database());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    key.add(rs.getString(1));
                }
            }
        }
        return key;
    }
}
