package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.sink.RetentionConfig;
import io.github.binlog2redshift.sink.jdbc.ApplyResult;
import io.github.binlog2redshift.sink.jdbc.QuarantineStore;
import io.github.binlog2redshift.sink.jdbc.QuarantineView;
import io.github.binlog2redshift.sink.jdbc.SideTablePruner;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
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
import javax.annotation.Nullable;
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
 * a committable a no-op. A table whose failure is its own (an incompatible schema change under
 * {@code FAIL}, a statement the warehouse refuses: {@link
 * io.github.binlog2redshift.sink.jdbc.ApplyFailedException#tableLevel()}) is quarantined ({@link
 * TableQuarantine}): it stops, its committables are kept, the other tables go on, and the
 * operator's resume replays them. Any other failure (connections, spent retries, unreadable staged
 * files), or any failure when the committer has no quarantine, fails {@code commit}, and so the
 * job, with the table, checkpoint and statement in the message; the restarted job commits the same
 * committables again. (Flink's {@code signalFailedWithKnownReason} would discard them, losing data,
 * and its {@code retryLater} retries at once and then fails the job, so neither is used.)
 *
 * <p>Once a committable's commit is in the ledger (applied, or found there), {@link
 * CommitHousekeeping} deletes its staged files and now and then prunes the table's side tables.
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
    @Nullable private final TableQuarantine quarantine;
    @Nullable private final CommitHousekeeping housekeeping;

    /** A committer without quarantine: any table that fails for good fails the job. */
    public WarehouseCommitter(
            Supplier<WarehouseSession> sessionFactory, int maxParallelTables, MetricGroup metrics) {
        this(sessionFactory, maxParallelTables, metrics, null, 0, 1);
    }

    /**
     * A committer that quarantines tables whose failure is their own, in {@code quarantine}'s
     * records (null: none), as committer {@code subtask} of {@code parallelism}; it neither deletes
     * staged files nor prunes.
     */
    public WarehouseCommitter(
            Supplier<WarehouseSession> sessionFactory,
            int maxParallelTables,
            MetricGroup metrics,
            @Nullable QuarantineStore quarantine,
            int subtask,
            int parallelism) {
        this(sessionFactory, maxParallelTables, metrics, quarantine, subtask, parallelism, null);
    }

    /**
     * The job's committer: as above, and after each commit it deletes the committable's staged
     * files and prunes the table's side tables in {@code target} as {@code retention} says.
     */
    public WarehouseCommitter(
            Supplier<WarehouseSession> sessionFactory,
            int maxParallelTables,
            MetricGroup metrics,
            @Nullable QuarantineStore quarantine,
            int subtask,
            int parallelism,
            RetentionConfig retention,
            WarehouseKind target) {
        this(
                sessionFactory,
                maxParallelTables,
                metrics,
                quarantine,
                subtask,
                parallelism,
                new CommitHousekeeping(
                        retention,
                        target == WarehouseKind.REDSHIFT,
                        new SideTablePruner(target.dialect(), retention, System::currentTimeMillis),
                        metrics));
    }

    private WarehouseCommitter(
            Supplier<WarehouseSession> sessionFactory,
            int maxParallelTables,
            MetricGroup metrics,
            @Nullable QuarantineStore quarantine,
            int subtask,
            int parallelism,
            @Nullable CommitHousekeeping housekeeping) {
        this.housekeeping = housekeeping;
        this.quarantine =
                quarantine == null
                        ? null
                        : new TableQuarantine(quarantine, subtask, parallelism, metrics);
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
        Map<String, List<TableCommittable>> byTable = new TreeMap<>();
        for (CommitRequest<TableCommittable> r : requests) {
            TargetTable t = r.getCommittable().table();
            byTable.computeIfAbsent(
                            quarantine == null ? t.toString() : quarantine.name(t),
                            k -> new ArrayList<>())
                    .add(r.getCommittable());
        }
        QuarantineView view = quarantine == null ? QuarantineView.none() : readQuarantine();
        for (String kept : view.keptTables()) {
            byTable.computeIfAbsent(kept, k -> new ArrayList<>());
        }
        List<Future<TableQuarantine.Outcome>> running = new ArrayList<>();
        for (Map.Entry<String, List<TableCommittable>> e : byTable.entrySet()) {
            List<TableCommittable> batches = e.getValue();
            batches.sort(Comparator.comparingLong(TableCommittable::checkpointId));
            running.add(pool.submit(() -> applyTable(e.getKey(), batches, view)));
        }
        IOException failure = null;
        List<TableQuarantine.Outcome> outcomes = new ArrayList<>();
        for (Future<TableQuarantine.Outcome> f : running) {
            try {
                TableQuarantine.Outcome o = f.get();
                if (o != null) {
                    outcomes.add(o);
                }
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
        if (quarantine != null) {
            quarantine.report(view, outcomes);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private QuarantineView readQuarantine() throws IOException, InterruptedException {
        WarehouseSession session = borrow();
        try {
            return quarantine.read(session);
        } finally {
            idle.put(session);
        }
    }

    /** One table's batches in checkpoint order, through the quarantine when there is one. */
    @Nullable
    private TableQuarantine.Outcome applyTable(
            String table, List<TableCommittable> batches, QuarantineView view)
            throws IOException, InterruptedException {
        WarehouseSession session = borrow();
        try {
            if (quarantine != null) {
                return quarantine.applyTable(session, table, batches, view, this::applyOne);
            }
            for (TableCommittable b : batches) {
                applyOne(session, b);
            }
            return null;
        } finally {
            idle.put(session);
        }
    }

    private void applyOne(WarehouseSession session, TableCommittable b)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        ApplyResult r = session.apply(b);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (housekeeping != null) {
            housekeeping.afterCommit(session, b);
        }
        tableMetrics.computeIfAbsent(b.table(), t -> new TableMetrics(metrics, t)).record(b, r, ms);
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
