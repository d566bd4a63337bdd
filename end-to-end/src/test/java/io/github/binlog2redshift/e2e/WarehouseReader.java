package io.github.binlog2redshift.e2e;

import io.github.binlog2redshift.localstack.WarehouseDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the warehouse as the tests see it, through its own driver: table contents and the commit
 * ledger.
 */
record WarehouseReader(WarehouseDatabase db) {

    /** One ledger row of a sink job. */
    record LedgerRow(
            String table,
            long checkpointId,
            String stagingId,
            int subtask,
            long rowsStaged,
            long rowsApplied) {}

    /** Every row of {@code table}, all columns (bookkeeping too) as text, in key order. */
    List<String> rows(String table, String orderBy) throws SQLException {
        return query("SELECT * FROM " + table + " ORDER BY " + orderBy);
    }

    /** The first row {@code sql} returns as {@code a|b|c}, or null when none. */
    String one(String sql) throws SQLException {
        List<String> rows = query(sql);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** Rows as {@code a|b|c}; NULL as {@code null}. */
    List<String> query(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        row.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    out.add(row.toString());
                }
            }
        }
        return out;
    }

    boolean tableExists(String schema, String table) throws SQLException {
        return !query(
                        "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND"
                                + " table_name = ?",
                        schema,
                        table)
                .isEmpty();
    }

    List<LedgerRow> ledger(String jobId) throws SQLException {
        if (!tableExists("public", "_b2r_commit_ledger")) {
            return List.of();
        }
        List<LedgerRow> out = new ArrayList<>();
        for (String r :
                query(
                        "SELECT target_table, checkpoint_id, staging_id, subtask, rows_staged,"
                                + " rows_applied FROM public._b2r_commit_ledger WHERE job_id = ?"
                                + " ORDER BY checkpoint_id, target_table, staging_id",
                        jobId)) {
            String[] f = r.split("\\|");
            out.add(
                    new LedgerRow(
                            f[0],
                            Long.parseLong(f[1]),
                            f[2],
                            Integer.parseInt(f[3]),
                            Long.parseLong(f[4]),
                            Long.parseLong(f[5])));
        }
        return out;
    }
}
