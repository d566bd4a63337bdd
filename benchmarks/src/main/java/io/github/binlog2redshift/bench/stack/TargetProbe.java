package io.github.binlog2redshift.bench.stack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Watches target tables in PostgreSQL for the marker row {@code id = 0} that ends each table's
 * prepared input. Tables that do not exist yet simply count as not done (both sinks create them on
 * their first batch).
 */
public final class TargetProbe implements AutoCloseable {

    private final Connection connection;
    private final List<String> tables;
    private final Set<String> done = new HashSet<>();

    public TargetProbe(Connection connection, List<String> qualifiedTables) throws SQLException {
        this.connection = connection;
        this.connection.setAutoCommit(true);
        this.tables = new ArrayList<>(qualifiedTables);
    }

    /** How many tables show their marker now. */
    public long markersVisible() {
        for (String t : tables) {
            if (done.contains(t)) {
                continue;
            }
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1 FROM " + t + " WHERE id = 0")) {
                if (rs.next()) {
                    done.add(t);
                }
            } catch (SQLException e) {
                // not created yet: not done
            }
        }
        return done.size();
    }

    /** Total rows over the tables, to check both sinks end in the same state. */
    public long rows() throws SQLException {
        long n = 0;
        for (String t : tables) {
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                rs.next();
                n += rs.getLong(1);
            }
        }
        return n;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
