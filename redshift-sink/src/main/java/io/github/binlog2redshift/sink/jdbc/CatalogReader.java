package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a table's columns from {@code information_schema.columns}: the source of truth for schema
 * evolution and its verification (every DDL is checked by reading the table back).
 */
final class CatalogReader {

    private final SqlDialect dialect;

    CatalogReader(SqlDialect dialect) {
        this.dialect = dialect;
    }

    /** The table's columns in order; empty when the table does not exist. */
    List<CatalogColumn> columns(Connection c, TargetTable t) throws SQLException {
        List<CatalogColumn> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(dialect.selectColumns())) {
            ps.setString(1, t.schema());
            ps.setString(2, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(
                            new CatalogColumn(
                                    rs.getString(1),
                                    ColumnType.fromCatalog(
                                            rs.getString(2),
                                            intOrNull(rs, 3),
                                            intOrNull(rs, 4),
                                            intOrNull(rs, 5),
                                            intOrNull(rs, 6))));
                }
            }
        }
        return out;
    }

    /**
     * {@code cols} (the table's {@link #columns}), each marked when it is a DISTKEY or SORTKEY
     * column ({@link SqlDialect#selectLayoutColumns}); for planning changes, which must not drop or
     * copy those.
     */
    List<CatalogColumn> withLayout(Connection c, TargetTable t, List<CatalogColumn> cols)
            throws SQLException {
        String sql = dialect.selectLayoutColumns();
        if (sql == null || cols.isEmpty()) {
            return cols;
        }
        Set<String> layout = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, c.getCatalog());
            ps.setString(2, t.schema());
            ps.setString(3, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    layout.add(rs.getString(1).trim());
                }
            }
        }
        List<CatalogColumn> out = new ArrayList<>(cols.size());
        cols.forEach(col -> out.add(col.withLayoutKey(layout.contains(col.name()))));
        return out;
    }

    List<String> names(Connection c, TargetTable t) throws SQLException {
        return columns(c, t).stream()
                .map(CatalogColumn::name)
                .collect(Collectors.toUnmodifiableList());
    }

    boolean exists(Connection c, TargetTable t) throws SQLException {
        return !columns(c, t).isEmpty();
    }

    /**
     * True when {@code schema} exists and this user may use it (see {@link
     * SqlDialect#selectSchema}); an existing schema without USAGE fails, naming the grant.
     */
    boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.selectSchema())) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (!rs.getBoolean(1)) {
                    throw new SQLException(
                            "schema "
                                    + schema
                                    + " exists but user "
                                    + c.getMetaData().getUserName()
                                    + " has no USAGE privilege on it: GRANT USAGE, CREATE ON SCHEMA "
                                    + schema
                                    + " TO that user",
                            "42501");
                }
                return true;
            }
        }
    }

    private static Integer intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
