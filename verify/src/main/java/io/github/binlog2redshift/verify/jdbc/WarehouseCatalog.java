package io.github.binlog2redshift.verify.jdbc;

import io.github.binlog2redshift.verify.mapping.TargetName;
import io.github.binlog2redshift.verify.schema.TargetColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a warehouse table's columns through information_schema, which PostgreSQL and Redshift both
 * have (the Redshift driver's DatabaseMetaData queries Redshift-only system views, so it is not
 * used).
 */
public final class WarehouseCatalog {

    private static final String COLUMNS =
            "SELECT column_name, data_type FROM information_schema.columns"
                    + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";

    private final Connection connection;

    public WarehouseCatalog(Connection connection) {
        this.connection = connection;
    }

    /** The table's columns; empty when the table does not exist. */
    public List<TargetColumn> columns(TargetName table) throws SQLException {
        List<TargetColumn> columns = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
            ps.setString(1, table.schema());
            ps.setString(2, table.table());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TargetColumn(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return columns;
    }
}
