package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.TableShape;
import java.util.List;
import java.util.Objects;

/**
 * What one writer subtask staged for one table in one checkpoint interval, and everything the
 * committer needs to apply it without the writer: the files, the table's columns (the union seen in
 * the interval, in source order), its key and the DDL statements met on the way.
 *
 * @param checkpointId the checkpoint that closed the interval; {@link #UNASSIGNED} until the
 *     pre-commit step ({@code CheckpointIdAssigner}) fills it in, because Flink's {@code
 *     prepareCommit} does not tell the writer
 * @param stagingId unique per writer file set; with job and table it identifies the committable in
 *     the ledger, also across failovers
 * @param maxSourcePosition the greatest {@code SourcePosition.sortKey()} staged, or null
 * @param maxSourceTsMs the source commit time of the latest change staged, 0 when none
 */
public record TableCommittable(
        TargetTable table,
        long checkpointId,
        String stagingId,
        int subtask,
        List<StagedFile> files,
        String maxSourcePosition,
        long maxSourceTsMs,
        List<ColumnDef> columns,
        List<String> primaryKey,
        List<String> ddl) {

    public static final long UNASSIGNED = -1L;

    public TableCommittable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(stagingId, "stagingId");
        files = List.copyOf(files);
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        ddl = List.copyOf(ddl);
    }

    public long rowCount() {
        return files.stream().mapToLong(StagedFile::rows).sum();
    }

    public TableShape shape() {
        return new TableShape(table, columns, primaryKey);
    }

    public TableCommittable withCheckpointId(long id) {
        return new TableCommittable(
                table,
                id,
                stagingId,
                subtask,
                files,
                maxSourcePosition,
                maxSourceTsMs,
                columns,
                primaryKey,
                ddl);
    }

    @Override
    public String toString() {
        return table
                + "@checkpoint "
                + checkpointId
                + " ["
                + stagingId
                + ", "
                + files.size()
                + " files, "
                + rowCount()
                + " rows]";
    }
}
