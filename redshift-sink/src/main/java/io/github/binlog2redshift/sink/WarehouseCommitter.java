package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.sink.jdbc.ApplyResult;
import io.github.binlog2redshift.sink.jdbc.WarehouseSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the committables of completed checkpoints. Each committer subtask applies what its own
 * writer subtask staged (keys are partitioned, so subtasks never share a key); within a call the
 * committables are grouped per table, each table's applied in checkpoint order, and tables run in
 * parallel on at most {@code maxParallelTables} threads, each with its own reused connection.
 *
 * <p>Safe to call twice: the ledger row written in each merge's transaction makes a second apply of
 * a committable a no-op. A table that still fails after its retries fails {@code commit}, and so
 * the job, with the table, checkpoint and statement in the message; the restarted job commits the
 * same committables again. (Flink's {@code signalFailedWithKnownReason} would discard them, losing
 * data, so it is not used.)
 */
public final class WarehouseCommitter implements Committer<TableCommittable> {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseCommitter.class);

    private final Supplier<WarehouseSession> sessionFactory;
    private final MetricGroup metrics;
    private final ExecutorService pool;
    private final BlockingQueue<WarehouseSession> idle;
    private final List<WarehouseSession> all = new ArrayList<>();
    private final Map<TargetTable, TableMetrics> tableMetrics = new ConcurrentHashMap<>();
    private final int maxParallelTables;

    public WarehouseCommitter(
            Supplier<WarehouseSession> sessionFactory, int maxParallelTables, MetricGroup metrics) {
        this.sessionFactory = sessionFactory;
        this.metrics = metrics;
        this.maxParallelTables = maxParallelTables;
        this.idle = new ArrayBlockingQueue<>(maxParallelTables);
        this.pool =
                Executors.newFixedThreadPool(
                        maxParallelTables,
                        r -> {
                            Thread t = new Thread(r, "b2r-commit");
                            t.setDaemon(true);
                            return t;
                        });
    }

    @Override
    public void commit(Collection<CommitRequest<TableCommittable>> requests)
            throws IOException, InterruptedException {
        Map<TargetTable, List<TableCommittable>> byTable = new TreeMap<>();
        for (CommitRequest<TableCommittable> r : requests) {
            byTable.computeIfAbsent(r.getCommittable().table(), t -> new ArrayList<>())
                    .add(r.getCommittable());
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<TableCommittable> batches : byTable.values()) {
            batches.sort(Comparator.comparingLong(TableCommittable::checkpointId));
            running.add(
                    pool.submit(
                            () -> {
                                applyInOrder(batches);
                                return null;
                            }));
        }
        IOException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (ExecutionException e) {
                IOException io =
                        e.getCause() instanceof IOException
                                ? (IOException) e.getCause()
                                : new IOException(e.getCause().getMessage(), e.getCause());
                if (failure == null) {
                    failure = io;
                } else {
                    failure.addSuppressed(io);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void applyInOrder(List<TableCommittable> batches)
            throws IOException, InterruptedException {
        WarehouseSession session = borrow();
        try {
            for (TableCommittable b : batches) {
                long start = System.nanoTime();
                ApplyResult r = session.apply(b);
                long ms = (System.nanoTime() - start) / 1_000_000;
                tableMetrics
                        .computeIfAbsent(b.table(), t -> new TableMetrics(metrics, t))
                        .record(b, r, ms);
                LOG.info(
                        "{}: staged {}, loaded {}, applied {} in {} ms ({} attempts, {} serialization"
                                + " conflicts{})",
                        b,
                        r.rowsStaged(),
                        r.rowsLoaded(),
                        r.rowsApplied(),
                        ms,
                        r.attempts(),
                        r.conflicts(),
                        r.alreadyApplied() ? ", already in the ledger" : "");
            }
        } finally {
            idle.put(session);
        }
    }

    private WarehouseSession borrow() {
        WarehouseSession s = idle.poll();
        if (s != null) {
            return s;
        }
        synchronized (all) {
            if (all.size() >= maxParallelTables) {
                throw new IllegalStateException("more sessions borrowed than threads exist");
            }
            s = sessionFactory.get();
            all.add(s);
            return s;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        synchronized (all) {
            all.forEach(WarehouseSession::close);
            all.clear();
        }
    }
}
