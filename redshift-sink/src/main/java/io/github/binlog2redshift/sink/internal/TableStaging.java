package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One table's staging in the current checkpoint interval of one writer subtask: the open file, the
 * finished ones, the columns seen (the union, latest source order first), the key, the schema
 * changes and the table's mode. A change whose columns differ from the open file's starts a new
 * file, so every file has one layout. A table without key columns is staged too: the apply mirrors
 * it as a multiset or appends its changes (see {@code docs/tables.md}).
 */
public final class TableStaging {

    private final TargetTable table;
    private final String directory;
    private final String stagingId;
    private final int subtask;
    private final boolean gzip;
    private final String binaryPrefix;
    private final List<StagedFile> finished = new ArrayList<>();
    private final List<SchemaChange> schemaChanges = new ArrayList<>();
    private final TableMode mode;
    private final StagingBuffers buffers;
    private Map<String, ColumnDef> columns = new LinkedHashMap<>();
    private List<ColumnDef> lastMerged = List.of();
    private List<String> primaryKey = List.of();
    private StagingFile open;
    private List<ColumnDef> openColumns;
    private boolean openWithAbsent;
    private ChangeEvent latest;
    private final PartialRowSets partialRows = new PartialRowSets();

    public TableStaging(
            TargetTable table,
            String directory,
            int subtask,
            boolean gzip,
            String binaryPrefix,
            TableMode mode) {
        this(table, directory, subtask, gzip, binaryPrefix, mode, null);
    }

    /** With {@code buffers}: small files are uploaded only by {@link #finish()}. */
    public TableStaging(
            TargetTable table,
            String directory,
            int subtask,
            boolean gzip,
            String binaryPrefix,
            TableMode mode,
            StagingBuffers buffers) {
        this.buffers = buffers;
        this.table = table;
        this.mode = mode;
        this.directory = directory;
        this.subtask = subtask;
        this.gzip = gzip;
        this.binaryPrefix = binaryPrefix;
        this.stagingId = "s" + subtask + "-" + UUID.randomUUID();
    }

    public void add(ChangeEvent e) throws IOException {
        add(e, null);
    }

    /**
     * @param renamedFrom for a RENAME TABLE event, the old name's target (see {@link
     *     SchemaChange#renamedFrom()}); else null
     */
    public void add(ChangeEvent e, TargetTable renamedFrom) throws IOException {
        boolean row = e.op() != Op.SCHEMA_CHANGE;
        List<ColumnDef> cols = !row || !e.columns().isEmpty() ? e.columns() : ImageColumns.of(e);
        List<String> fields = row ? encoded(e, cols) : null;
        List<String> replaced = row && replacesRow(e) ? encodedReplaced(e, cols) : null;
        String absent = row ? partialRows.idOf(e) : null;
        // Changes of different keys come in key order, not source order: a row staged last may
        // carry the columns as they were before a change another row already carries.
        boolean newest = latest == null || !latest.source().isAfter(e.source());
        if (!e.columns().isEmpty()) {
            mergeColumns(e.columns(), newest);
        }
        if (!e.primaryKey().isEmpty()) {
            primaryKey = e.primaryKey();
        }
        if (newest) {
            latest = e;
        }
        if (e.op() == Op.SCHEMA_CHANGE) {
            schemaChanges.add(
                    new SchemaChange(
                            e.ddl(),
                            e.source().sortKey(),
                            e.table().database(),
                            e.columns(),
                            e.primaryKey(),
                            renamedFrom));
            schemaChanges.sort(java.util.Comparator.comparing(SchemaChange::position));
            return;
        }
        // From the first partial row on, files carry the hidden _b2r_absent field after the
        // columns.
        boolean withAbsent = partialRows.any();
        if (open == null || !cols.equals(openColumns) || withAbsent != openWithAbsent) {
            finishOpenFile();
            String uri =
                    directory + stagingId + "-" + finished.size() + (gzip ? ".csv.gz" : ".csv");
            List<String> names = new ArrayList<>();
            cols.forEach(c -> names.add(c.name()));
            if (withAbsent) {
                names.add(ReservedNames.ABSENT);
            }
            open = new StagingFile(uri, names, gzip, buffers);
            openWithAbsent = withAbsent;
            openColumns = cols;
            mergeColumns(cols, newest);
        }
        if (replaced != null) {
            open.write(withAbsent ? withField(replaced, null) : replaced);
        }
        open.write(withAbsent ? withField(fields, absent) : fields);
    }

    /**
     * An UPDATE of a mirrored table without a key is staged as two rows: the row it replaces (its
     * before image, op {@code b}), then the row itself; the merge removes one row equal to the
     * first and adds the second (see {@code docs/tables.md}).
     */
    private boolean replacesRow(ChangeEvent e) {
        return e.op() == Op.UPDATE
                && e.primaryKey().isEmpty()
                && e.before() != null
                && mode.keyless() == KeylessMode.MIRROR;
    }

    private List<String> encodedReplaced(ChangeEvent e, List<ColumnDef> cols) {
        try {
            return StagedRowEncoder.replacedFields(e, cols, binaryPrefix);
        } catch (RuntimeException ex) {
            throw new UnstageableChangeException(table, e, ex);
        }
    }

    /**
     * The row's staged fields, encoded before anything of the change is kept, so a value that
     * cannot be encoded leaves this table's staging as it was.
     */
    private List<String> encoded(ChangeEvent e, List<ColumnDef> cols) {
        try {
            return StagedRowEncoder.fields(e, cols, binaryPrefix);
        } catch (RuntimeException ex) {
            throw new UnstageableChangeException(table, e, ex);
        }
    }

    /** Closes the open file and describes everything staged; the instance is done after this. */
    public TableCommittable finish() throws IOException {
        finishOpenFile();
        return new TableCommittable(
                        table,
                        TableCommittable.UNASSIGNED,
                        stagingId,
                        subtask,
                        finished,
                        latest == null ? null : latest.source().sortKey(),
                        latest == null ? 0 : latest.source().timestampMs(),
                        List.copyOf(columns.values()),
                        primaryKey,
                        schemaChanges,
                        mode)
                .withPartialColumns(partialRows.sets());
    }

    public void abandon() throws IOException {
        if (open != null) {
            open.discard();
        }
    }

    private static List<String> withField(List<String> fields, String value) {
        List<String> all = new ArrayList<>(fields);
        all.add(value);
        return all;
    }

    private void finishOpenFile() throws IOException {
        if (open != null) {
            finished.add(open.finish());
            open = null;
        }
    }

    /**
     * The newest list's order and definitions first, then columns only seen before (never dropped
     * by the apply); a list older than one merged before only adds the columns it alone has.
     */
    private void mergeColumns(List<ColumnDef> latestColumns, boolean newest) {
        if (latestColumns.equals(lastMerged)) {
            return; // the common case: every row of a table carries the same list
        }
        if (!newest) {
            latestColumns.forEach(c -> columns.putIfAbsent(c.name(), c));
            return;
        }
        lastMerged = latestColumns;
        Map<String, ColumnDef> merged = new LinkedHashMap<>();
        for (ColumnDef c : latestColumns) {
            merged.put(c.name(), c);
        }
        columns.forEach(merged::putIfAbsent);
        columns = merged;
    }
}
