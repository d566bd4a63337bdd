package io.github.binlog2redshift.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs test setup statements on a connection, naming the failing one. */
final class Sql {

    private Sql() {}

    static void run(Connection connection, String... statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    st.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(e.getMessage() + " [statement: " + sql + "]", e);
                }
            }
        }
    }
}
