package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only side tables against their ground truth, as multisets with counts: {@code
 * accounts_history} (op and row of every change) against the audit table the triggers fill, {@code
 * tickets_delete} (every deleted row) against the delete audit. A change appended twice is a
 * duplicate, one never appended is lost; positions and timestamps are the sink's own and are not
 * compared.
 */
final class SideTables {

    private SideTables() {}

    static List<TableCounts> compare(MySqlDatabase source, WarehouseDatabase target) {
        String prefix = "public." + source.name() + "__";
        return List.of(
                compare(
                        source,
                        target,
                        SourceSchema.HISTORY + "_history",
                        "SELECT op, id, balance, owner FROM " + SourceSchema.HISTORY_AUDIT,
                        "SELECT _b2r_op, id, balance, owner FROM "
                                + prefix
                                + SourceSchema.HISTORY
                                + "_history"),
                compare(
                        source,
                        target,
                        SourceSchema.ARCHIVE + "_delete",
                        "SELECT id, title, state FROM " + SourceSchema.ARCHIVE_AUDIT,
                        "SELECT id, title, state FROM "
                                + prefix
                                + SourceSchema.ARCHIVE
                                + "_delete"));
    }

    private static TableCounts compare(
            MySqlDatabase source,
            WarehouseDatabase target,
            String name,
            String sourceQuery,
            String targetQuery) {
        Map<List<String>, Long> balance = new HashMap<>();
        long changes;
        try (Connection c = source.connect()) {
            changes = count(c, sourceQuery, balance, 1);
        } catch (SQLException e) {
            return TableCounts.failed(name, "source: " + e.getMessage());
        }
        try (Connection c = target.connect()) {
            count(c, targetQuery, balance, -1);
        } catch (SQLException e) {
            // No target table yet: every change is missing from it.
            if (!e.getMessage().contains("does not exist")) {
                return TableCounts.failed(name, "target: " + e.getMessage());
            }
        }
        long lost = 0;
        long duplicated = 0;
        for (long n : balance.values()) {
            lost += Math.max(n, 0);
            duplicated += Math.max(-n, 0);
        }
        return new TableCounts(name, changes, lost, duplicated, 0, null);
    }

    /** Adds {@code sign} per row of {@code query} to its count; returns the rows read. */
    private static long count(
            Connection c, String query, Map<List<String>, Long> balance, long sign)
            throws SQLException {
        long rows = 0;
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                balance.merge(row, sign, Long::sum);
                rows++;
            }
        }
        return rows;
    }
}
