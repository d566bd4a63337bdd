package io.github.binlog2redshift.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Waits for a table snapshotted anew (docs/cdc-source.md, Re-syncing a table) to reach the target:
 * every row the source has carries a position at or above {@code S}, the binlog position read
 * before the snapshot.
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
}
