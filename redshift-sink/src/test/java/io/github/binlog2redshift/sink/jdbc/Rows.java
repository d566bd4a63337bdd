package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TargetTable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a table back as {@code v1|v2|...} lines ordered by its first column, hidden ones left out,
 * through the target's own driver.
 */
final class Rows {

    private Rows() {}

    static List<String> of(SinkTarget db, TargetTable t) throws SQLException {
        return query(
                db,
                "SELECT * FROM " + quote(t.schema()) + "." + quote(t.name()) + " ORDER BY 1, 2");
    }

    static List<String> query(SinkTarget db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (rs.getMetaData().getColumnName(i).startsWith("_b2r_")) {
                        continue;
                    }
                    if (line.length() > 0) {
                        line.append('|');
                    }
                    line.append(rs.getString(i));
                }
                rows.add(line.toString());
            }
        }
        return rows;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static long count(SinkTarget db, String sql) throws SQLException {
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
