package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.sink.internal.StagingOutput;
import io.github.binlog2redshift.sink.jdbc.ApplyFailedException;
import io.github.binlog2redshift.sink.jdbc.QuarantineStore;
import io.github.binlog2redshift.sink.jdbc.QuarantineView;
import io.github.binlog2redshift.sink.jdbc.QuarantineView.Kept;
import io.github.binlog2redshift.sink.jdbc.QuarantineView.Quarantine;
import io.github.binlog2redshift.sink.jdbc.WarehouseSession;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.Nullable;
import org.apache.flink.metrics.MetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The committer's table quarantine. A table whose apply fails in a way that concerns it alone
 * ({@link ApplyFailedException#tableLevel()}: an incompatible schema change under {@code FAIL}, a
 * load or merge statement the warehouse refuses) stops; the others go on. Its committables, that
 * one and every later one, are kept in the warehouse ({@link QuarantineStore}; their staged files
 * stay where they are) behind a row of {@code _b2r_quarantine} that names table and reason, and are
 * counted. Each commit logs every quarantined table and its kept committables (WARN) and sets the
 * metrics. When the operator deletes the row (after fixing the cause), the next commit replays the
 * kept committables in checkpoint order before the table's new ones; a replay that fails again
 * quarantines the table again, keeping the rest.
 *
 * <p>The quarantine is the job's, not a subtask's: every committer subtask reads the rows at each
 * commit and keeps its own committables of a quarantined table, whichever subtask stopped it.
 * Positions make the merges of different subtasks independent of their order (docs/tables.md,
 * "Across subtasks"), so each subtask replays its own, in order, at its next commit. Failures that
 * are not the table's own (connections, logins, spent retries, unreadable staged files) still fail
 * the job, whose restart commits again.
 *
 * <p>Metrics: {@link QuarantineMetrics}.
 */
final class TableQuarantine {

    private static final Logger LOG = LoggerFactory.getLogger(TableQuarantine.class);

    /** Characters of an error message kept as the reason. */
    static final int MAX_REASON_CHARS = 4000;

    /** Applies one committable, recording its metrics; the committer's own apply. */
    @FunctionalInterface
    interface Apply {
        void apply(WarehouseSession session, TableCommittable batch)
                throws IOException, InterruptedException;
    }

    /** What a commit left of one table: its quarantine (null: none) and what this subtask keeps. */
    static final class Outcome {
        private final String table;
        @Nullable private final Quarantine quarantine;
        private final List<Kept> kept;

        Outcome(String table, @Nullable Quarantine quarantine, List<Kept> kept) {
            this.table = table;
            this.quarantine = quarantine;
            this.kept = List.copyOf(kept);
        }

        String table() {
            return table;
        }

        @Nullable
        Quarantine quarantine() {
            return quarantine;
        }

        List<Kept> kept() {
            return kept;
        }
    }

    private final QuarantineStore store;
    private final int subtask;
    private final int parallelism;
    private final QuarantineMetrics metrics;

    TableQuarantine(QuarantineStore store, int subtask, int parallelism, MetricGroup metrics) {
        if (parallelism < 1 || subtask < 0 || subtask >= parallelism) {
            throw new IllegalArgumentException(
                    "subtask " + subtask + " of " + parallelism + " committers");
        }
        this.store = store;
        this.subtask = subtask;
        this.parallelism = parallelism;
        this.metrics = new QuarantineMetrics(metrics);
    }

    /** How the records name {@code t} (the warehouse's {@code schema.table}). */
    String name(TargetTable t) {
        return store.name(t);
    }

    /** The quarantined tables and this subtask's kept committables, read at a commit's start. */
    QuarantineView read(WarehouseSession s) throws IOException, InterruptedException {
        return s.run(
                "reading the quarantine (" + store.quarantineTable() + ")",
                c -> store.read(c, subtask, parallelism));
    }

    /**
     * Applies {@code batches} of {@code table} (checkpoint order) unless it is quarantined; a
     * resumed table's kept committables first. A failure that is not the table's own is thrown.
     */
    Outcome applyTable(
            WarehouseSession s,
            String table,
            List<TableCommittable> batches,
            QuarantineView view,
            Apply apply)
            throws IOException, InterruptedException {
        Quarantine q = view.quarantine(table);
        List<Kept> kept = new ArrayList<>(view.kept(table));
        if (q == null && !kept.isEmpty()) {
            q = replay(s, table, kept, apply);
        }
        Set<String> keptKeys = new HashSet<>();
        kept.forEach(k -> keptKeys.add(key(k.checkpointId(), k.stagingId())));
        for (TableCommittable b : batches) {
            if (q == null) {
                try {
                    apply.apply(s, b);
                    continue;
                } catch (ApplyFailedException e) {
                    if (!e.tableLevel()) {
                        throw e;
                    }
                    q = quarantine(s, table, b, e);
                }
            }
            keep(s, b);
            if (keptKeys.add(key(b.checkpointId(), b.stagingId()))) {
                kept.add(
                        new Kept(
                                table, b.subtask(), b.checkpointId(), b.stagingId(), b.rowCount()));
            }
        }
        return new Outcome(table, q, kept);
    }

    /**
     * Replays {@code kept} in order, removing each replayed one from the list; returns the new
     * quarantine when one fails again (the rest stay kept), else null.
     */
    @Nullable
    private Quarantine replay(WarehouseSession s, String table, List<Kept> kept, Apply apply)
            throws IOException, InterruptedException {
        LOG.info(
                "{}: no longer quarantined; replaying the {} committables subtask {} kept, in"
                        + " order, before its new ones",
                table,
                kept.size(),
                subtask);
        int replayed = 0;
        while (!kept.isEmpty()) {
            Kept k = kept.get(0);
            TableCommittable b = s.run("reading " + k, c -> store.load(c, k));
            if (b != null) {
                try {
                    apply.apply(s, b);
                } catch (ApplyFailedException e) {
                    // Staged files of a kept committable that cannot be read (an S3 lifecycle
                    // rule removed them during a long quarantine) concern this table alone too.
                    if (!e.tableLevel() && !(e.getCause() instanceof IOException)) {
                        throw e;
                    }
                    return quarantine(s, table, b, e);
                }
            }
            s.run(
                    "releasing " + k,
                    c -> {
                        store.release(c, k);
                        return null;
                    });
            kept.remove(0);
            replayed++;
            metrics.replayed(table);
        }
        LOG.info("{}: resumed; {} kept committables replayed in order", table, replayed);
        return null;
    }

    private Quarantine quarantine(
            WarehouseSession s, String table, TableCommittable b, ApplyFailedException e)
            throws IOException, InterruptedException {
        String message = String.valueOf(e.getMessage());
        String reason =
                message.length() <= MAX_REASON_CHARS
                        ? message
                        : message.substring(0, MAX_REASON_CHARS) + "...";
        s.run(
                "quarantining " + table,
                c -> {
                    store.quarantine(c, table, b.checkpointId(), subtask, reason);
                    return null;
                });
        metrics.quarantined(table);
        LOG.error(
                "{} QUARANTINED at checkpoint {} by subtask {}: {}. Its committables are kept in"
                        + " the warehouse until it is resumed; the other tables go on. Resume"
                        + " after the fix: {}",
                table,
                b.checkpointId(),
                subtask,
                reason,
                resume(table),
                e);
        return new Quarantine(table, b.checkpointId(), subtask, reason);
    }

    private void keep(WarehouseSession s, TableCommittable b)
            throws IOException, InterruptedException {
        writeCopies(b);
        s.run(
                "keeping " + b,
                c -> {
                    store.keep(c, b);
                    return null;
                });
    }

    /**
     * A committable is kept without the copies of its files (QuarantineStore), and a file with a
     * copy was never written when staged files are deleted after commits (StagingBuffers): write
     * those files now, so that the resume reads them like any other.
     */
    private static void writeCopies(TableCommittable b) throws IOException {
        for (StagedFile f : b.files()) {
            if (f.content() != null) {
                try (OutputStream out = StagingOutput.create(f.path())) {
                    out.write(f.content());
                }
            }
        }
    }

    /**
     * After a commit: the metrics, and a WARN line per quarantined table (every commit, so that a
     * quarantine is never out of sight in the logs).
     */
    void report(QuarantineView view, List<Outcome> outcomes) {
        Map<String, Quarantine> quarantined = new TreeMap<>(view.quarantined());
        Map<String, List<Kept>> kept = new TreeMap<>();
        for (Outcome o : outcomes) {
            if (o.quarantine() != null) {
                quarantined.putIfAbsent(o.table(), o.quarantine());
            }
            kept.put(o.table(), o.kept());
        }
        metrics.set(quarantined, kept);
        for (Quarantine q : quarantined.values()) {
            List<Kept> mine = kept.getOrDefault(q.table(), List.of());
            long rows = mine.stream().mapToLong(Kept::rows).sum();
            LOG.warn(
                    "{} is quarantined since checkpoint {} (subtask {}): {}. Subtask {} keeps {}"
                            + " committables ({} rows) of it. Resume after the fix: {}",
                    q.table(),
                    q.sinceCheckpoint(),
                    q.subtask(),
                    q.reason(),
                    subtask,
                    mine.size(),
                    rows,
                    resume(q.table()));
        }
    }

    /** The operator's resume, as SQL. */
    String resume(String table) {
        return "DELETE FROM "
                + store.quarantineTable()
                + " WHERE job_id = '"
                + store.jobId().replace("'", "''")
                + "' AND target_table = '"
                + table.replace("'", "''")
                + "'";
    }

    private static String key(long checkpointId, String stagingId) {
        return checkpointId + "/" + stagingId;
    }
}
