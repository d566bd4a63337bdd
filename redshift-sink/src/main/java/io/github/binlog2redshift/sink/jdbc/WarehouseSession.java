package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One warehouse connection and the executor bound to it, used by one committer thread at a time.
 * The connection is opened on first use, reopened after it broke, and closed by {@link #close()}
 * (the reference sink opened one per table per batch and did not always close it).
 *
 * <p>Transient errors ({@link TransientErrors}) are retried as a whole new transaction after the
 * policy's backoff; after the last retry, or at once for other errors, {@link ApplyFailedException}
 * names table, checkpoint and the failed step. Serialization conflicts ({@link
 * TransientErrors#isConflict}: Redshift's error 1023, a deadlock) are not counted against the
 * retries: another transaction won and this one can only wait and try again, so they are retried
 * for as long as they happen, after the policy's doubling backoff with jitter, each one logged and
 * counted ({@link ApplyResult#conflicts}, the committer's {@code serializationConflicts} metric).
 * Failing the job instead would restart it into the same conflicts. The sink's own commits do not
 * conflict with each other on Redshift ({@code SqlDialect#lockForCommit}); what remains is another
 * writer of the same tables, or two tables' schema-log entries.
 */
public final class WarehouseSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseSession.class);

    private final ConnectionProvider connections;
    private final MergeExecutor executor;
    private final RetryPolicy retry;
    private Connection connection;

    public WarehouseSession(
            ConnectionProvider connections, MergeExecutor executor, RetryPolicy retry) {
        this.connections = connections;
        this.executor = executor;
        this.retry = retry;
    }

    public ApplyResult apply(TableCommittable batch) throws IOException, InterruptedException {
        int conflicts = 0;
        int failures = 0;
        for (int attempt = 1; ; attempt++) {
            // A failure to connect or to log in concerns every table, never this one alone.
            boolean connected = connection != null;
            try {
                Connection c = connection();
                connected = true;
                return executor.apply(c, batch).withAttempts(attempt).withConflicts(conflicts);
            } catch (IOException e) {
                // Staged files unreadable: not retried here; the job's restart tries again. A
                // file that is gone stays gone: the table's own failure, which quarantines it.
                dropIfBroken();
                throw new ApplyFailedException(batch, attempt, e, MissingStagedFileException.in(e));
            } catch (RuntimeException e) {
                // The sink's own planning refused this table's apply: retrying cannot help.
                dropIfBroken();
                throw new ApplyFailedException(batch, attempt, e, true);
            } catch (SQLException e) {
                dropIfBroken();
                boolean conflict = TransientErrors.isConflict(e);
                boolean tableLevel = connected && TransientErrors.isTableLevel(e);
                // A table's own error is retried too, within max-retries, before it quarantines
                // the table: a schema change another subtask commits in between can fail one
                // attempt (a stage column missing) and let the next, re-planned, succeed.
                boolean retried = TransientErrors.isTransient(e) || tableLevel;
                if (conflict) {
                    conflicts++;
                } else if (retried) {
                    failures++;
                }
                if (!conflict && (!retried || failures > retry.maxRetries())) {
                    throw new ApplyFailedException(batch, attempt, e, tableLevel);
                }
                long waitMs =
                        conflict
                                ? jittered(retry.delayBefore(conflicts).toMillis())
                                : retry.delayBefore(failures).toMillis();
                LOG.warn(
                        "{} failed (attempt {}; {} serialization conflicts, {} of {} retries of"
                                + " other transient errors), retrying in {} ms: {}",
                        batch,
                        attempt,
                        conflicts,
                        failures,
                        retry.maxRetries(),
                        waitMs,
                        e.getMessage());
                Thread.sleep(waitMs);
            }
        }
    }

    /** Work on the session's connection that is not an apply, e.g. the quarantine's records. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /**
     * Runs {@code work} on this session's connection, in autocommit (work that opens a transaction
     * ends it), retrying transient errors as {@link #apply} does; other errors fail at once, naming
     * {@code what}.
     */
    public <T> T run(String what, Work<T> work) throws IOException, InterruptedException {
        int failures = 0;
        for (int attempt = 1; ; attempt++) {
            try {
                Connection c = connection();
                c.setAutoCommit(true);
                return work.run(c);
            } catch (SQLException e) {
                rollbackQuietly();
                dropIfBroken();
                if (!TransientErrors.isTransient(e) || ++failures > retry.maxRetries()) {
                    throw new IOException(
                            what + " failed after " + attempt + " attempts: " + e.getMessage(), e);
                }
                long waitMs = jittered(retry.delayBefore(failures).toMillis());
                LOG.warn(
                        "{} failed (attempt {}), retrying in {} ms: {}",
                        what,
                        attempt,
                        waitMs,
                        e.getMessage());
                Thread.sleep(waitMs);
            }
        }
    }

    private void rollbackQuietly() {
        try {
            if (connection != null && !connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // the connection is checked and dropped next if it is broken
        }
    }

    /**
     * Half to all of {@code ms}: two commits that just conflicted must not meet again at the same
     * instant.
     */
    private static long jittered(long ms) {
        return ms / 2 + ThreadLocalRandom.current().nextLong(ms / 2 + 1);
    }

    private Connection connection() throws SQLException, IOException {
        if (connection == null) {
            connection = connections.open();
        }
        return connection;
    }

    private void dropIfBroken() {
        if (connection == null) {
            return;
        }
        try {
            if (connection.isValid(5)) {
                return;
            }
        } catch (SQLException ignored) {
            // an error asking is as good as an answer: the connection is unusable
        }
        close();
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing a warehouse connection failed", e);
            }
            connection = null;
        }
    }
}
