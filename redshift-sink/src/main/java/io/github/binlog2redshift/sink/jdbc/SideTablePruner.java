package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Prunes one table's side tables past the retention horizon, from the commit path at a bounded
 * cost: each committer prunes a table at most once per {@link RetentionConfig#pruneInterval()}
 * ({@link #due}), after one of its commits of that table.
 *
 * <p>In one transaction under the table's commit lock (so no commit of the table interleaves): the
 * highest source position among the table's ledger rows older than the horizon, then the tombstones
 * at or before it, then those ledger rows. A tombstone only stops a staged change older than
 * itself; changes at or before that position were committed more than a horizon ago, so only a
 * replay older than the horizon (a savepoint or Kafka offsets that old) could bring one back, and
 * such a replay is no longer recognised by the ledger either. Then, each in its own short
 * transaction (they are schema-wide tables, which a longer transaction would hold against other
 * tables' commits): the schema ledger's rows of the table, where that is another table, and the
 * table's schema-log rows older than the horizon. The argument in full: docs/apply.md.
 */
public final class SideTablePruner {

    /** Rows one prune removed. */
    public static final class Pruned {
        private final long ledgerRows;
        private final long tombstones;
        private final long schemaLogRows;

        Pruned(long ledgerRows, long tombstones, long schemaLogRows) {
            this.ledgerRows = ledgerRows;
            this.tombstones = tombstones;
            this.schemaLogRows = schemaLogRows;
        }

        /** Rows of the table's own ledger and, where that is another, the schema's. */
        public long ledgerRows() {
            return ledgerRows;
        }

        /** Rows of the table's tombstones and of its snapshot chunk ranges (both by position). */
        public long tombstones() {
            return tombstones;
        }

        public long schemaLogRows() {
            return schemaLogRows;
        }
    }

    private final SqlDialect dialect;
    private final RetentionConfig retention;
    private final CatalogReader catalog;
    private final LongSupplier clockMs;
    private final Map<TargetTable, Long> lastPruneMs = new ConcurrentHashMap<>();

    public SideTablePruner(SqlDialect dialect, RetentionConfig retention, LongSupplier clockMs) {
        this.dialect = dialect;
        this.retention = retention;
        this.catalog = new CatalogReader(dialect);
        this.clockMs = clockMs;
    }

    /**
     * True, once per prune interval and table, when {@code table} is to be pruned now; the first
     * call for a table (after a start) is due.
     */
    public boolean due(TargetTable table) {
        long now = clockMs.getAsLong();
        long interval = retention.pruneInterval().toMillis();
        boolean[] due = {false};
        lastPruneMs.compute(
                table,
                (t, last) -> {
                    due[0] = last == null || now - last >= interval;
                    return due[0] ? Long.valueOf(now) : last;
                });
        return due[0];
    }

    /** Prunes {@code staged}'s table; runs on {@code c} in autocommit, which it leaves on. */
    public Pruned prune(Connection c, TableCommittable staged) throws SQLException {
        TargetTable table = WarehouseNames.table(staged.table(), dialect);
        String name = table.toString();
        TargetTable own = dialect.commitLedgerTable(table);
        TargetTable schemaLedger = dialect.ledgerTable(table.schema());
        // as TableShape names it; from the table alone, as a DDL-only committable has no shape
        TargetTable tombstones = table.withSuffix(ReservedNames.TOMBSTONE_SUFFIX);
        long ledgerRows;
        long tombstoneRows = 0;
        c.setAutoCommit(false);
        try {
            String lock = dialect.lockForCommit(table);
            if (lock != null) {
                try (Statement st = c.createStatement()) {
                    st.execute(lock);
                }
            }
            String cutoff = cutoff(c, own, name);
            if (cutoff != null && catalog.exists(c, tombstones)) {
                tombstoneRows = update(c, dialect.pruneTombstones(tombstones), cutoff);
            }
            // Ranges hold positions as tombstones do, under the same column name.
            TargetTable ranges = SnapshotRanges.rangesTable(table);
            if (cutoff != null && catalog.exists(c, ranges)) {
                tombstoneRows += update(c, dialect.pruneTombstones(ranges), cutoff);
            }
            ledgerRows = update(c, dialect.pruneLedger(own, retention.horizon()), name);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
        if (!own.equals(schemaLedger)) {
            ledgerRows += update(c, dialect.pruneLedger(schemaLedger, retention.horizon()), name);
        }
        long logRows = update(c, dialect.pruneSchemaLog(table.schema(), retention.horizon()), name);
        return new Pruned(ledgerRows, tombstoneRows, logRows);
    }

    private String cutoff(Connection c, TargetTable ledger, String name) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement(dialect.prunablePosition(ledger, retention.horizon()))) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static long update(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            return ps.executeUpdate();
        }
    }
}
