package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs the named steps of one apply on one connection: each step's failure is wrapped with the
 * table, checkpoint and step (see {@link MergeStepException}), and the test hook runs first.
 */
final class MergeSteps {

    private final Connection c;
    private final TableCommittable b;
    private final MergeExecutor.StepHook hook;

    MergeSteps(Connection c, TableCommittable b, MergeExecutor.StepHook hook) {
        this.c = c;
        this.b = b;
        this.hook = hook;
    }

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

    /** Runs a check that counts rows that must not exist; fails the step when it counts any. */
    void expectNone(String step, String sql, String failure) throws SQLException, IOException {
        long found =
                call(
                        step,
                        sql,
                        () -> {
                            try (Statement st = c.createStatement();
                                    ResultSet rs = st.executeQuery(sql)) {
                                return rs.next() ? rs.getLong(1) : 0L;
                            }
                        });
        if (found > 0) {
            throw fail(step, new SQLException(found + " " + failure));
        }
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

    void recordLedger(String step, String sql, String jobId, long applied)
            throws SQLException, IOException {
        call(
                step,
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
