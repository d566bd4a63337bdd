package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.sink.TableCommittable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One warehouse connection and the executor bound to it, used by one committer thread at a time.
 * The connection is opened on first use, reopened after it broke, and closed by {@link #close()}
 * (the reference sink opened one per table per batch and did not always close it).
 *
 * <p>Transient errors ({@link TransientErrors}) are retried as a whole new transaction after the
 * policy's backoff; after the last retry, or at once for other errors, {@link ApplyFailedException}
 * names table, checkpoint and the failed step.
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
        for (int attempt = 1; ; attempt++) {
            try {
                return executor.apply(connection(), batch).withAttempts(attempt);
            } catch (SQLException e) {
                dropIfBroken();
                if (!TransientErrors.isTransient(e) || attempt > retry.maxRetries()) {
                    throw new ApplyFailedException(batch, attempt, e);
                }
                long waitMs = retry.delayBefore(attempt).toMillis();
                LOG.warn(
                        "{} failed with a transient error (attempt {} of {}), retrying in {} ms: {}",
                        batch,
                        attempt,
                        retry.maxRetries() + 1,
                        waitMs,
                        e.getMessage());
                Thread.sleep(waitMs);
            }
        }
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
