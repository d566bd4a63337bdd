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
    private boolean anyCreated;

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
                anyCreated = true;
                if (rs.next()) {
                    done.add(t);
                }
            } catch (SQLException e) {
                // not created yet: not done
            }
        }
        return done.size();
    }

    /**
     * Progress for {@link CatchUp}: 0 until the sink created its first target table (its first
     * applied batch: both sinks create tables as they first write them), then 1 plus the visible
     * markers, so a catch-up over {@code n} tables ends at {@code n + 1} and its start-up is the
     * time to the first applied batch.
     */
    public long progress() {
        long markers = markersVisible();
        return anyCreated ? 1 + markers : 0;
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
