package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs a table-level DDL (emptying or dropping a table) at most once per source position: in one
 * transaction, look the position up in the schema log, run the statements, record the position.
 * Every sink subtask receives a copy of each DDL (cdc-source writes it to every partition), and a
 * committable may be re-applied after a failover; without the log a second TRUNCATE would remove
 * rows loaded after the first. Two subtasks racing conflict on the log's key (PostgreSQL) or abort
 * one with a serialization error (Redshift); the retried one finds the row and skips.
 *
 * <p>Inputs without source positions (DMS, Canal: all zeros) cannot be told apart; their statements
 * run every time, without the log.
 */
final class TableLevelDdl {

    /** DDL text kept in the log is cut here: it is for people, not for matching. */
    private static final int MAX_DDL_CHARS = 8_000;

    private TableLevelDdl() {}

    /** Runs {@code statements} unless the log has them; true when they ran. */
    static boolean once(
            Connection c, SqlDialect d, TargetTable t, SchemaChange sc, List<String> statements)
            throws SQLException {
        boolean positioned = positioned(sc);
        c.setAutoCommit(false);
        try {
            if (positioned && logged(c, d, t, sc)) {
                c.rollback();
                return false;
            }
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            if (positioned) {
                try (PreparedStatement ps = c.prepareStatement(d.schemaLogInsert(t.schema()))) {
                    ps.setString(1, t.toString());
                    ps.setString(2, sc.position());
                    String ddl = sc.ddl();
                    ps.setString(
                            3,
                            ddl.length() > MAX_DDL_CHARS ? ddl.substring(0, MAX_DDL_CHARS) : ddl);
                    ps.executeUpdate();
                }
            }
            c.commit();
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /**
     * False for inputs without binlog coordinates (DMS, Canal: all zeros), which cannot be told
     * apart.
     */
    static boolean positioned(SchemaChange sc) {
        return !sc.position().isEmpty() && !sc.position().matches("[0:]+");
    }

    private static boolean logged(Connection c, SqlDialect d, TargetTable t, SchemaChange sc)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(d.schemaLogLookup(t.schema()))) {
            ps.setString(1, t.toString());
            ps.setString(2, sc.position());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
