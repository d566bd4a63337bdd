package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.dialect.TableShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * What one writer subtask staged for one table in one checkpoint interval, and everything the
 * committer needs to apply it without the writer: the files, the table's columns (the union seen in
 * the interval, in source order), its key, the schema changes met on the way and the table's mode.
 */
public final class TableCommittable {

    public static final long UNASSIGNED = -1L;

    private final TargetTable table;
    private final long checkpointId;
    private final String stagingId;
    private final int subtask;
    private final List<StagedFile> files;
    @Nullable private final String maxSourcePosition;
    private final long maxSourceTsMs;
    private final List<ColumnDef> columns;
    private final List<String> primaryKey;
    private final List<SchemaChange> schemaChanges;
    private final TableMode mode;
    private final StagingFormat stagingFormat;
    private final List<List<String>> partialColumns;

    /** Staged by this build: its files are in {@link StagingFormat#current()}. */
    public TableCommittable(
            TargetTable table,
            long checkpointId,
            String stagingId,
            int subtask,
            List<StagedFile> files,
            @Nullable String maxSourcePosition,
            long maxSourceTsMs,
            List<ColumnDef> columns,
            List<String> primaryKey,
            List<SchemaChange> schemaChanges,
            TableMode mode) {
        this(
                table,
                checkpointId,
                stagingId,
                subtask,
                files,
                maxSourcePosition,
                maxSourceTsMs,
                columns,
                primaryKey,
                schemaChanges,
                mode,
                StagingFormat.current());
    }

    /**
     * @param stagingFormat how the files write their values: every copy of a committable keeps its
     *     own (one restored from an older build's savepoint has that build's format)
     */
    public TableCommittable(
            TargetTable table,
            long checkpointId,
            String stagingId,
            int subtask,
            List<StagedFile> files,
            @Nullable String maxSourcePosition,
            long maxSourceTsMs,
            List<ColumnDef> columns,
            List<String> primaryKey,
            List<SchemaChange> schemaChanges,
            TableMode mode,
            StagingFormat stagingFormat) {
        this.partialColumns = List.of();
        this.table = Objects.requireNonNull(table, "table");
        this.stagingFormat = Objects.requireNonNull(stagingFormat, "stagingFormat");
        this.stagingId = Objects.requireNonNull(stagingId, "stagingId");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.checkpointId = checkpointId;
        this.subtask = subtask;
        this.files = List.copyOf(files);
        this.maxSourcePosition = maxSourcePosition;
        this.maxSourceTsMs = maxSourceTsMs;
        this.columns = List.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
        this.schemaChanges = List.copyOf(schemaChanges);
    }

    /** {@code base} with other files, checkpoint id, schema changes and partial column sets. */
    private TableCommittable(
            TableCommittable base,
            List<StagedFile> files,
            long checkpointId,
            List<SchemaChange> schemaChanges,
            List<List<String>> partialColumns) {
        this.table = base.table;
        this.checkpointId = checkpointId;
        this.stagingId = base.stagingId;
        this.subtask = base.subtask;
        this.files = List.copyOf(files);
        this.maxSourcePosition = base.maxSourcePosition;
        this.maxSourceTsMs = base.maxSourceTsMs;
        this.columns = base.columns;
        this.primaryKey = base.primaryKey;
        this.schemaChanges = List.copyOf(schemaChanges);
        this.mode = base.mode;
        this.stagingFormat = base.stagingFormat;
        this.partialColumns = List.copyOf(partialColumns);
    }

    public TargetTable table() {
        return table;
    }

    /**
     * The checkpoint that closed the interval; {@link #UNASSIGNED} until the pre-commit step
     * ({@code CheckpointIdAssigner}) fills it in, because Flink's {@code prepareCommit} does not
     * tell the writer.
     */
    public long checkpointId() {
        return checkpointId;
    }

    /**
     * Unique per writer file set; with job and table it identifies the committable in the ledger,
     * also across failovers.
     */
    public String stagingId() {
        return stagingId;
    }

    public int subtask() {
        return subtask;
    }

    public List<StagedFile> files() {
        return files;
    }

    /** The greatest {@code SourcePosition.sortKey()} staged, or null. */
    @Nullable
    public String maxSourcePosition() {
        return maxSourcePosition;
    }

    /** The source commit time of the latest change staged, 0 when none. */
    public long maxSourceTsMs() {
        return maxSourceTsMs;
    }

    public List<ColumnDef> columns() {
        return columns;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    /** The DDL events of the interval in source order, applied before the rows. */
    public List<SchemaChange> schemaChanges() {
        return schemaChanges;
    }

    public TableMode mode() {
        return mode;
    }

    /**
     * The column sets rows of partial row images lack: a row staging number {@code i} in its {@code
     * _b2r_absent} field lacks set {@code i} (source names; empty when every row is full).
     */
    public List<List<String>> partialColumns() {
        return partialColumns;
    }

    /** The same batch, whose rows lack the given column sets (see {@link #partialColumns()}). */
    public TableCommittable withPartialColumns(List<List<String>> sets) {
        return new TableCommittable(this, files, checkpointId, schemaChanges, sets);
    }

    /** The same batch with {@code other} as its files (e.g. without their kept bytes). */
    public TableCommittable withFiles(List<StagedFile> other) {
        return new TableCommittable(this, other, checkpointId, schemaChanges, partialColumns);
    }

    /** How the files write their values. */
    public StagingFormat stagingFormat() {
        return stagingFormat;
    }

    public long rowCount() {
        return files.stream().mapToLong(StagedFile::rows).sum();
    }

    /** The table as the source has it now; null when that is unknown or the table was dropped. */
    public TableShape shape() {
        List<ColumnDef> current = currentColumns();
        return current.isEmpty() ? null : new TableShape(table, current, primaryKey);
    }

    /** The DDL statements' text, in order. */
    public List<String> ddl() {
        return schemaChanges.stream()
                .map(SchemaChange::ddl)
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * The table's columns as the source has them now: the last schema change's column list when the
     * interval had one (rows staged before it may carry columns since dropped or renamed), else the
     * union of the staged columns.
     */
    public List<ColumnDef> currentColumns() {
        return IntervalColumns.current(columns, schemaChanges);
    }

    /**
     * The column names a staged file is loaded into: a column renamed by a schema change of this
     * interval (rows staged before the rename) loads into its new name.
     */
    public List<String> loadColumns(StagedFile file) {
        return IntervalColumns.load(file.columns(), schemaChanges);
    }

    /** {@link #partialColumns()} with the names a column rename of the interval gave them. */
    public List<List<String>> loadPartialColumns() {
        List<List<String>> sets = new ArrayList<>();
        partialColumns.forEach(set -> sets.add(IntervalColumns.load(set, schemaChanges)));
        return sets;
    }

    /** Old name to new name of every column rename of the interval, in order. */
    public Map<String, String> renames() {
        return IntervalColumns.renames(schemaChanges);
    }

    /** The same batch with {@code more} schema changes after its own (for the load only). */
    public TableCommittable withMoreSchemaChanges(List<SchemaChange> more) {
        List<SchemaChange> all = new ArrayList<>(schemaChanges);
        all.addAll(more);
        return with(checkpointId, all);
    }

    public TableCommittable withCheckpointId(long id) {
        return with(id, schemaChanges);
    }

    private TableCommittable with(long id, List<SchemaChange> changes) {
        return new TableCommittable(this, files, id, changes, partialColumns);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableCommittable)) {
            return false;
        }
        TableCommittable other = (TableCommittable) o;
        return table.equals(other.table)
                && checkpointId == other.checkpointId
                && stagingId.equals(other.stagingId)
                && subtask == other.subtask
                && files.equals(other.files)
                && Objects.equals(maxSourcePosition, other.maxSourcePosition)
                && maxSourceTsMs == other.maxSourceTsMs
                && columns.equals(other.columns)
                && primaryKey.equals(other.primaryKey)
                && schemaChanges.equals(other.schemaChanges)
                && mode.equals(other.mode)
                && stagingFormat == other.stagingFormat
                && partialColumns.equals(other.partialColumns);
    }

    @Override
    public int hashCode() {
        // Fewer fields than equals compares: enough to spread committables, consistent with it.
        return Objects.hash(table, checkpointId, stagingId, subtask);
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
