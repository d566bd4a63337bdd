package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.MergeInput;
import io.github.binlog2redshift.sink.dialect.MergePlan;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one committable to its table: a ledger check (the schema's ledger, outside any
 * transaction), then the DDL (autocommit, idempotent, verified: {@link SchemaApplier}), then in ONE
 * transaction: the table's commit lock ({@link SqlDialect#lockForCommit}; Redshift: {@code LOCK} of
 * the table's own ledger), the ledger check again ({@link SqlDialect#commitLedgerTable}), stage,
 * load, check the count, the mode's steps ({@link MergePlan}: archive, history, delete older rows,
 * maintain tombstones, insert newer rows), record the ledger row (the table's ledger and, where
 * that is another, the schema's), drop the stage, commit.
 *
 * <p>Concurrency. Commits of one table (one per sink subtask) run one after the other: on Redshift
 * the second waits at the LOCK until the first committed, and its snapshot, taken after the lock,
 * sees the first's rows; on PostgreSQL an advisory lock on the table's name does the same (row
 * locks alone would not order a TRUNCATE's DELETE and another subtask's insert of older rows).
 * Commits of different tables read no table in common (on Redshift each reads its own ledger; the
 * schema's ledger is only appended to, at the end, where a second commit waits for the first's
 * write lock and no read is involved), so Redshift's table-level serializable isolation has nothing
 * to abort. The locks are always taken in this order: the table's ledger, the table's own tables,
 * the schema's ledger.
 *
 * <p>Failure modes:
 *
 * <ul>
 *   <li>the ledger already holds (job, table, checkpoint, staging id): nothing is changed, the
 *       result says {@code alreadyApplied} (a committer called twice, a replay after failover, a
 *       committable applied by a sink version that had only the schema's ledger);
 *   <li>the load counts fewer or more rows than staged (a file lost, a row skipped): the
 *       transaction is rolled back and the step {@code load-check} fails, unless COPY MAXERROR was
 *       opted into, which then only warns;
 *   <li>any statement fails (conflict, lost connection, bad value): everything is rolled back,
 *       including the stage, and a {@link MergeStepException} names table, checkpoint and step; the
 *       caller ({@link WarehouseSession}) retries transient ones, serialization conflicts (another
 *       writer of the table, a concurrent DDL, two tables' schema-log entries) for as long as they
 *       happen, counting them;
 *   <li>a staged file cannot be read (IOException at {@code load}): rolled back, not retried by the
 *       session; the job's restart tries again;
 *   <li>the connection dies after COMMIT was sent but before its answer: the next attempt finds the
 *       ledger row and skips, or finds none and applies; either way exactly once;
 *   <li>an earlier attempt's transaction still runs on a connection thought dead: it holds the
 *       table's lock (Redshift) or its ledger row's (PostgreSQL); this attempt waits for it, then
 *       finds its ledger row and skips, or applies after its rollback;
 *   <li>DDL succeeded but the merge failed: the table is left with its new columns, which the retry
 *       needs anyway (DDL is idempotent).
 * </ul>
 */
public final class MergeExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(MergeExecutor.class);

    /**
     * Called before each step, and with {@link #COMMITTED} once the transaction committed; tests
     * inject failures through it (see {@code FaultPoints}).
     */
    @FunctionalInterface
    public interface StepHook {
        void before(String step) throws SQLException;

        /** The pseudo-step after COMMIT succeeded: a failure there is "committed, not reported". */
        String COMMITTED = "committed";

        StepHook NONE = step -> {};
    }

    private final SqlDialect dialect;
    private final StageLoader loader;
    private final SchemaApplier schema;
    private final SnapshotRanges ranges;
    private final String jobId;
    private final boolean toleratesSkippedRows;
    private final StepHook hook;

    public MergeExecutor(
            SqlDialect dialect,
            StageLoader loader,
            String jobId,
            boolean toleratesSkippedRows,
            StepHook hook) {
        this(dialect, loader, jobId, toleratesSkippedRows, SchemaPolicy.defaults(), hook);
    }

    public MergeExecutor(
            SqlDialect dialect,
            StageLoader loader,
            String jobId,
            boolean toleratesSkippedRows,
            SchemaPolicy policy,
            StepHook hook) {
        this(dialect, loader, jobId, toleratesSkippedRows, policy, null, hook);
    }

    /** With a committer's {@link ShapeCache} (null: read the catalog on every apply). */
    public MergeExecutor(
            SqlDialect dialect,
            StageLoader loader,
            String jobId,
            boolean toleratesSkippedRows,
            SchemaPolicy policy,
            ShapeCache shapes,
            StepHook hook) {
        this.dialect = dialect;
        this.loader = loader;
        this.schema = new SchemaApplier(dialect, policy, shapes);
        this.ranges = new SnapshotRanges(dialect);
        this.jobId = jobId;
        this.toleratesSkippedRows = toleratesSkippedRows;
        this.hook = hook;
    }

    /**
     * Applies {@code staged}. When its table's shape came from the {@link ShapeCache} and the apply
     * failed as a stale shape would (the table changed behind this committer: {@link
     * ShapeCache#isSchemaError}), the entry is dropped and the apply runs once more through the
     * catalog; the failed attempt was rolled back whole. Any failure drops the table's entry.
     * Everything runs on {@code staged} in the warehouse's names ({@link WarehouseNames}).
     */
    public ApplyResult apply(Connection c, TableCommittable staged)
            throws SQLException, IOException {
        TableCommittable b = WarehouseNames.of(staged, dialect);
        boolean fromCache = schema.cached(b) != null;
        try {
            return applyOnce(c, b, fromCache);
        } catch (SQLException | IOException | RuntimeException e) {
            schema.forget(b.table());
            if (!fromCache || !ShapeCache.isSchemaError(e) || c.isClosed()) {
                throw e;
            }
            LOG.warn(
                    "{} failed with the cached table shape; re-reading the catalog: {}",
                    b,
                    e.getMessage());
            return applyOnce(c, b, false);
        }
    }

    private ApplyResult applyOnce(Connection c, TableCommittable b, boolean fromCache)
            throws SQLException, IOException {
        MergeSteps s = new MergeSteps(c, b, hook);
        c.setAutoCommit(true);
        TargetTable schemaLedger = dialect.ledgerTable(b.table().schema());
        TargetTable ownLedger = dialect.commitLedgerTable(b.table());
        s.run("ensure-schema", null, () -> schema.ensureLedgers(c, b.table()));
        // Before the DDL too: a replayed committable must not re-run its TRUNCATE. A cached
        // shape means no schema change and no DDL: the check inside the transaction suffices.
        // The schema's ledger, read outside any transaction: every commit is recorded there,
        // also those of sink versions that had no per-table ledger (a restored savepoint).
        if (!fromCache && s.ledgerHas(dialect.ledgerLookup(schemaLedger), jobId)) {
            LOG.info("{} is in the commit ledger already; skipped", b);
            return new ApplyResult(true, b.rowCount(), 0, 0, 1);
        }
        // Rows staged under a column name another subtask's DDL renamed load into the new name:
        // checked before the DDL path (not to add the old name again) and after it (the rename
        // may have run in between).
        TableCommittable renamed = b.files().isEmpty() ? b : schema.loadable(c, b);
        List<CatalogColumn> base = s.call("schema", null, () -> schema.apply(c, renamed));
        TableCommittable load = b.files().isEmpty() ? b : schema.loadable(c, renamed, base);
        if (!fromCache && !base.isEmpty()) {
            s.run("ensure-ranges", null, () -> ranges.ensureTable(c, b));
        }
        c.setAutoCommit(false);
        try {
            String lock = dialect.lockForCommit(b.table());
            if (lock != null) {
                s.run("lock", lock, () -> execute(c, lock));
            }
            if (s.ledgerHas(dialect.ledgerLookup(ownLedger), jobId)) {
                c.rollback();
                LOG.info("{} is in the commit ledger already; skipped", b);
                return new ApplyResult(true, b.rowCount(), 0, 0, 1);
            }
            // Under the lock too: a chunk's range must be recorded before another subtask's
            // commit of the same table looks for it (SnapshotRanges).
            ranges.applyOwn(s, c, b, base);
            // The cutoff is read under the lock, which another subtask's TRUNCATE of the table
            // takes too (TableLevelDdl): that TRUNCATE is either logged already, and the cutoff
            // drops the older rows staged here, or it waits for this commit and empties them.
            MergeInput input =
                    b.files().isEmpty() || base.isEmpty()
                            ? null
                            : StageLayout.input(load, base, schema.cutoff(c, b), dialect);
            if (input == null) {
                // Nothing to load (only DDL), or the table was dropped after the rows staged.
                record(s, ownLedger, schemaLedger, 0);
                s.run("commit", null, c::commit);
                return new ApplyResult(false, b.rowCount(), 0, 0, 1);
            }
            MergePlan plan = dialect.mergePlan(input);
            for (MergePlan.Step step : plan.beforeLoad()) {
                s.update(step.name(), step.sql());
            }
            long loaded =
                    s.call("load", loader.sensitive() ? null : "COPY", () -> loader.load(c, load));
            checkCount(s, b, loaded);
            ranges.dropStale(s, c, b);
            long applied = 0;
            for (MergePlan.Step step : plan.afterLoad()) {
                if (step.failure() != null) {
                    s.expectNone(step.name(), step.sql(), step.failure());
                    continue;
                }
                long n = s.update(step.name(), step.sql());
                applied += step.counted() ? n : 0;
                if (n > 0 && step.name().equals(MergePlan.SKIP_APPLIED)) {
                    // Visible, not silent: a source whose binlog started over lands here too.
                    LOG.info(
                            "{}: {} staged rows of binlog changes at or below the table's applied"
                                    + " horizon skipped as delivered before",
                            b,
                            n);
                }
            }
            record(s, ownLedger, schemaLedger, applied);
            s.update("drop-stage", plan.dropStage());
            s.run("commit", null, c::commit);
            hook.before(StepHook.COMMITTED);
            return new ApplyResult(false, b.rowCount(), loaded, applied, 1);
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            restoreAutoCommit(c);
        }
    }

    /** Runs a statement that may return rows (PostgreSQL's lock is a SELECT). */
    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** The ledger row, in the table's own ledger and, when that is another, the schema's. */
    private void record(MergeSteps s, TargetTable own, TargetTable schemaLedger, long applied)
            throws SQLException, IOException {
        s.recordLedger("ledger-insert", dialect.ledgerInsert(own), jobId, applied);
        if (!own.equals(schemaLedger)) {
            s.recordLedger(
                    "schema-ledger-insert", dialect.ledgerInsert(schemaLedger), jobId, applied);
        }
    }

    private void checkCount(MergeSteps s, TableCommittable b, long loaded) throws SQLException {
        if (loaded == b.rowCount()) {
            return;
        }
        String msg = "loaded " + loaded + " rows but " + b.rowCount() + " were staged";
        if (toleratesSkippedRows && loaded < b.rowCount()) {
            LOG.warn("{}: {} (COPY MAXERROR is configured)", b, msg);
            return;
        }
        throw s.fail("load-check", new SQLException(msg));
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            if (!c.isClosed()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            if (!c.isClosed()) {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.debug("could not restore autocommit on a failed connection", e);
        }
    }
}
