package io.github.binlog2redshift.e2e;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The manual last step after a table is snapshotted anew (docs/cdc-source.md, Re-syncing a table):
 * once every row the source has carries a position at or above {@code S} (the binlog position read
 * before the snapshot), the rows still below it are those the source deleted meanwhile.
 */
final class ResnapshotCleanup {

    private ResnapshotCleanup() {}

    /**
     * Waits until at least {@code rows} rows of {@code table} matching {@code filter} (a SQL
     * condition) carry a position at or above {@code start} (a sort key).
     */
    static void awaitSnapshot(
            PipelineResources p,
            String table,
            String filter,
            String start,
            int rows,
            Duration maxWait) {
        WarehouseReader warehouse = new WarehouseReader(p.warehouse());
        String atOrAbove =
                "SELECT COUNT(*) FROM "
                        + table
                        + " WHERE "
                        + filter
                        + " AND _b2r_pos >= '"
                        + start
                        + "'";
        await().atMost(maxWait)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Integer.parseInt(warehouse.one(atOrAbove)) >= rows);
    }

    /** Deletes the rows of {@code table} below {@code start}, as the runbook says. */
    static void deleteOlder(PipelineResources p, String table, String start) throws SQLException {
        try (Connection c = p.warehouse().connect();
                Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + table + " WHERE _b2r_pos < '" + start + "'");
        }
    }
}
