package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.sink.internal.FaultPoints;
import io.github.binlog2redshift.sink.internal.StagingBuffers;
import io.github.binlog2redshift.sink.internal.TableStaging;
import io.github.binlog2redshift.sink.internal.UnstageableChangeException;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.SimpleCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams each table's staged changes of the current checkpoint interval into files under {@code
 * <staging path>/<job id>/<schema>.<table>/<staging id>-<n>.csv[.gz]} and, when the checkpoint
 * barrier comes ({@link #prepareCommit()}), closes them and hands one {@link TableCommittable} per
 * table to the committer.
 *
 * <p>The path has no checkpoint id: Flink does not tell the writer which checkpoint it is preparing
 * (the id is added to the committable after the writer, see {@link CheckpointIdAssigner}); the
 * staging id, unique per file set, names the files instead. Files of an interval that never reaches
 * a completed checkpoint are left behind; they are never loaded (loads read exactly the
 * committable's files) and a lifecycle rule on the staging prefix removes them.
 *
 * <p>Small files stay in memory ({@link StagingBuffers}) and are created and uploaded at the
 * barrier, all tables at once on {@link #UPLOAD_THREADS} threads: each object costs S3 round trips
 * whatever its size, so with many small tables the barrier would otherwise wait for them one by
 * one.
 */
public final class StagingWriter implements CommittingSinkWriter<StagedChange, TableCommittable> {

    private final ApplySettings settings;
    private final int subtask;
    private final String binaryPrefix;
    private final Map<TargetTable, TableStaging> tables = new TreeMap<>();
    private final StagingBuffers buffers;
    private ExecutorService uploads;
    private final Counter rejected;

    /** The writer's metric of changes it could not stage and left out. */
    public static final String REJECTED_METRIC = "changesNotStaged";

    private static final Logger LOG = LoggerFactory.getLogger(StagingWriter.class);

    /** Uploads in flight at the barrier; they wait on the network, not the CPU. */
    static final int UPLOAD_THREADS = 8;

    public StagingWriter(ApplySettings settings, int subtask) {
        this(settings, subtask, new SimpleCounter());
    }

    /**
     * @param rejected counts changes that could not be staged ({@value #REJECTED_METRIC})
     */
    public StagingWriter(ApplySettings settings, int subtask, Counter rejected) {
        this.rejected = rejected;
        this.settings = settings;
        this.subtask = subtask;
        this.binaryPrefix = settings.kind().dialect().binaryPrefix();
        // Redshift's COPY reads the files from S3 itself; a PostgreSQL committer streams them.
        this.buffers =
                settings.kind() == WarehouseKind.POSTGRES
                        ? StagingBuffers.keepingCopies(!settings.retention().deleteStagedFiles())
                        : StagingBuffers.defaults();
    }

    @Override
    public void write(StagedChange change, Context context) throws IOException {
        TableStaging staging = tables.get(change.target());
        if (staging == null) {
            staging =
                    new TableStaging(
                            change.target(),
                            directory(change.target()),
                            subtask,
                            settings.gzip(),
                            binaryPrefix,
                            settings.modes().modeFor(change.event().table()),
                            buffers);
            tables.put(change.target(), staging);
        }
        try {
            staging.add(change.event(), settings.modes().renamedFrom(change.event()).orElse(null));
        } catch (UnstageableChangeException e) {
            // The ingest checks every value against what staging needs, so this is a gap in
            // them; failing here would fail every restart on the same state (issue 14).
            rejected.inc();
            LOG.error(
                    "Change not staged, left out of the load (counted in {}): {}",
                    REJECTED_METRIC,
                    e.getMessage(),
                    e.getCause());
        }
    }

    @Override
    public void flush(boolean endOfInput) {
        // Files are completed in prepareCommit, which always follows.
    }

    @Override
    public Collection<TableCommittable> prepareCommit() throws IOException, InterruptedException {
        try {
            return stageAll();
        } finally {
            buffers.startInterval();
        }
    }

    private List<TableCommittable> stageAll() throws IOException, InterruptedException {
        List<TableCommittable> out = new ArrayList<>(tables.size());
        if (tables.size() <= 1) {
            for (TableStaging staging : tables.values()) {
                out.add(staging.finish());
            }
            tables.clear();
            return afterStaging(out);
        }
        List<Future<TableCommittable>> finishing = new ArrayList<>(tables.size());
        for (TableStaging staging : tables.values()) {
            finishing.add(pool().submit(staging::finish));
        }
        tables.clear();
        IOException failure = null;
        for (Future<TableCommittable> f : finishing) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                IOException io =
                        e.getCause() instanceof IOException
                                ? (IOException) e.getCause()
                                : new IOException("staging a table failed", e.getCause());
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
        return afterStaging(out);
    }

    /** The test-only fault point after the files are staged (a no-op unless a test armed it). */
    private List<TableCommittable> afterStaging(List<TableCommittable> out) throws IOException {
        if (!out.isEmpty()) {
            FaultPoints.check(settings.jobId(), FaultPoints.Point.AFTER_STAGING, null, out);
        }
        return out;
    }

    private ExecutorService pool() {
        if (uploads == null) {
            uploads =
                    Executors.newFixedThreadPool(
                            UPLOAD_THREADS,
                            r -> {
                                Thread t = new Thread(r, "b2r-staging-upload");
                                t.setDaemon(true);
                                return t;
                            });
        }
        return uploads;
    }

    @Override
    public void close() throws IOException {
        for (TableStaging staging : tables.values()) {
            staging.abandon();
        }
        tables.clear();
        if (uploads != null) {
            uploads.shutdownNow();
        }
    }

    private String directory(TargetTable t) {
        return settings.stagingPath()
                + pathSafe(settings.jobId())
                + "/"
                + pathSafe(t.schema() + "." + t.name())
                + "/";
    }

    /** Names are free text; object keys and Flink paths are not. The staging id keeps it unique. */
    static String pathSafe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
