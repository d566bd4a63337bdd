package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.sink.internal.FaultPoints;
import io.github.binlog2redshift.sink.internal.TableStaging;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;

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
 */
public final class StagingWriter implements CommittingSinkWriter<StagedChange, TableCommittable> {

    private final ApplySettings settings;
    private final int subtask;
    private final String binaryPrefix;
    private final Map<TargetTable, TableStaging> tables = new TreeMap<>();

    public StagingWriter(ApplySettings settings, int subtask) {
        this.settings = settings;
        this.subtask = subtask;
        this.binaryPrefix = settings.kind().dialect().binaryPrefix();
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
                            settings.modes().modeFor(change.event().table()));
            tables.put(change.target(), staging);
        }
        staging.add(change.event(), settings.modes().renamedFrom(change.event()).orElse(null));
    }

    @Override
    public void flush(boolean endOfInput) {
        // Files are completed in prepareCommit, which always follows.
    }

    @Override
    public Collection<TableCommittable> prepareCommit() throws IOException {
        List<TableCommittable> out = new ArrayList<>(tables.size());
        for (TableStaging staging : tables.values()) {
            out.add(staging.finish());
        }
        tables.clear();
        if (!out.isEmpty()) {
            FaultPoints.check(settings.jobId(), FaultPoints.Point.AFTER_STAGING, null, out);
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        for (TableStaging staging : tables.values()) {
            staging.abandon();
        }
        tables.clear();
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
