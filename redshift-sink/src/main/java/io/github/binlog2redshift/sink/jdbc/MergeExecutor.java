package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.dialect.MergePlan;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one committable to its table: DDL first (autocommit, idempotent, {@link SchemaApplier}),
 * then in ONE transaction: ledger check, stage, load, check the count, delete older rows, maintain
 * tombstones, insert newer rows, record the ledger row, drop the stage, commit.
 *
 * <p>Failure modes:
 *
 * <ul>
 *   <li>the ledger already holds (job, table, checkpoint, staging id): nothing is changed, the
 *       result says {@code alreadyApplied} (a committer called twice, a replay after failover);
 *   <li>the load counts fewer or more rows than staged (a file lost, a row skipped): the
 *       transaction is rolled back and the step {@code load-check} fails, unless COPY MAXERROR was
 *       opted into, which then only warns;
 *   <li>any statement fails (conflict, lost connection, bad value): everything is rolled back,
 *       including the stage, and a {@link MergeStepException} names table, checkpoint and step; the
 *       caller ({@link WarehouseSession}) retries transient ones;
 *   <li>the connection dies after COMMIT was sent but before its answer: the next attempt finds the
 *       ledger row and skips, or finds none and applies; either way exactly once;
 *   <li>DDL succeeded but the merge failed: the table is left with its new columns, which the retry
 *       needs anyway (DDL is idempotent).
 * </ul>
 */
public final class MergeExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(MergeExecutor.class);

    /** Called before each step; tests use it to inject failures. */
    @FunctionalInterface
    public interface StepHook {
        void before(String step) throws SQLException;

        StepHook NONE = step -> {};
    }

    private final SqlDialect dialect;
    private final StageLoader loader;
    private final SchemaApplier schema;
    private final String jobId;
    private final boolean toleratesSkippedRows;
    private final StepHook hook;

    public MergeExecutor(
            SqlDialect dialect,
            StageLoader loader,
            String jobId,
            boolean toleratesSkippedRows,
            StepHook hook) {
        this.dialect = dialect;
        this.loader = loader;
        this.schema = new SchemaApplier(dialect);
        this.jobId = jobId;
        this.toleratesSkippedRows = toleratesSkippedRows;
        this.hook = hook;
    }

    public ApplyResult apply(Connection c, TableCommittable b) throws SQLException, IOException {
        Steps s = new Steps(c, b, hook);
        c.setAutoCommit(true);
        s.run("schema", null, () -> schema.ensure(c, b.shape()));
        String ledgerSchema = b.table().schema();
        c.setAutoCommit(false);
        try {
            if (s.ledgerHas(dialect.ledgerLookup(ledgerSchema), jobId)) {
                c.rollback();
                LOG.info("{} is in the commit ledger already; skipped", b);
                return new ApplyResult(true, b.rowCount(), 0, 0, 1);
            }
            MergePlan plan = dialect.mergePlan(b.shape());
            s.update("drop-stage", plan.dropStage());
            s.update("create-stage", plan.createStage());
            s.update("add-op-column", plan.addOpColumn());
            long loaded =
                    s.call("load", loader.sensitive() ? null : "COPY", () -> loader.load(c, b));
            checkCount(s, b, loaded);
            s.update("delete-older", plan.deleteOlder());
            s.update("delete-older-tombstones", plan.deleteOlderTombstones());
            long applied = s.update("insert-tombstones", plan.insertTombstones());
            applied += s.update("insert-newer", plan.insertNewer());
            s.recordLedger(dialect.ledgerInsert(ledgerSchema), jobId, applied);
            s.update("drop-stage", plan.dropStage());
            s.run("commit", null, c::commit);
            return new ApplyResult(false, b.rowCount(), loaded, applied, 1);
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            restoreAutoCommit(c);
        }
    }

    private void checkCount(Steps s, TableCommittable b, long loaded) throws SQLException {
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

    /** Runs a named step, wrapping its failure with table, checkpoint and step. */
    private record Steps(Connection c, TableCommittable b, StepHook hook) {

        interface Body<T> {
            T call() throws SQLException, IOException;
        }

        interface VoidBody {
            void run() throws SQLException, IOException;
        }

        <T> T call(String step, String sql, Body<T> body) throws SQLException, IOException {
            try {
                hook.before(step);
                return body.call();
            } catch (SQLException e) {
                throw e instanceof MergeStepException ? e : fail(step, sql, e);
            } catch (IOException e) {
                throw new IOException(
                        "applying "
                                + b.table()
                                + " at checkpoint "
                                + b.checkpointId()
                                + " failed at step '"
                                + step
                                + "': "
                                + e.getMessage(),
                        e);
            }
        }

        void run(String step, String sql, VoidBody body) throws SQLException, IOException {
            call(
                    step,
                    sql,
                    () -> {
                        body.run();
                        return null;
                    });
        }

        long update(String step, String sql) throws SQLException, IOException {
            return call(
                    step,
                    sql,
                    () -> {
                        try (Statement st = c.createStatement()) {
                            return (long) st.executeUpdate(sql);
                        }
                    });
        }

        boolean ledgerHas(String sql, String jobId) throws SQLException, IOException {
            return call(
                    "ledger-check",
                    sql,
                    () -> {
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            bindKey(ps, jobId);
                            try (ResultSet rs = ps.executeQuery()) {
                                return rs.next();
                            }
                        }
                    });
        }

        void recordLedger(String sql, String jobId, long applied) throws SQLException, IOException {
            call(
                    "ledger-insert",
                    sql,
                    () -> {
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            bindKey(ps, jobId);
                            ps.setInt(5, b.subtask());
                            ps.setString(6, b.maxSourcePosition());
                            ps.setLong(7, b.rowCount());
                            ps.setLong(8, applied);
                            return ps.executeUpdate();
                        }
                    });
        }

        private void bindKey(PreparedStatement ps, String jobId) throws SQLException {
            ps.setString(1, jobId);
            ps.setString(2, b.table().toString());
            ps.setLong(3, b.checkpointId());
            ps.setString(4, b.stagingId());
        }

        MergeStepException fail(String step, SQLException cause) {
            return fail(step, null, cause);
        }

        MergeStepException fail(String step, String sql, Exception cause) {
            return new MergeStepException(b.table().toString(), b.checkpointId(), step, sql, cause);
        }
    }
}
