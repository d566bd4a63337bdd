package io.github.binlog2redshift.verify.jdbc;

import io.github.binlog2redshift.verify.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One database being compared: its connection, its SQL dialect, and how it streams a large result
 * without holding it in memory. MySQL Connector/J streams row by row only with a fetch size of
 * {@code Integer.MIN_VALUE}; pgjdbc and the Redshift driver use a cursor of {@code fetchSize} rows,
 * which needs autocommit off.
 */
public final class Side implements AutoCloseable {

    private final Connection connection;
    private final SqlDialect dialect;
    private final boolean source;
    private final int fetchSize;

    private Side(Connection connection, SqlDialect dialect, boolean source, int fetchSize) {
        this.connection = connection;
        this.dialect = dialect;
        this.source = source;
        this.fetchSize = fetchSize;
    }

    /** The MySQL/MariaDB source; its session runs in UTC so TIMESTAMP reads as UTC text. */
    public static Side source(Connection connection, SqlDialect dialect) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET time_zone = '+00:00'");
        }
        return new Side(connection, dialect, true, Integer.MIN_VALUE);
    }

    /** The warehouse, with the dialect's {@link SqlDialect#sessionSettings() session settings}. */
    public static Side target(Connection connection, SqlDialect dialect, int fetchSize)
            throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : dialect.sessionSettings()) {
                st.execute(sql);
            }
        }
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        return new Side(connection, dialect, false, fetchSize);
    }

    public PreparedStatement prepareStreaming(String sql) throws SQLException {
        PreparedStatement ps =
                connection.prepareStatement(
                        sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(fetchSize);
        return ps;
    }

    public Connection connection() {
        return connection;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    public boolean isSource() {
        return source;
    }

    /** Ends the warehouse's read transaction so the next table sees fresh data. */
    public void endRead() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
