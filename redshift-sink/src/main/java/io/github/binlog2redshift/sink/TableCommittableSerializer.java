package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The layout of a {@link TableCommittable} (it sits in the committer's checkpointed state). Version
 * 7 adds the partial column sets (count, then each as a string list) last; earlier versions have
 * none. Version 6 adds the staging format (its name) last; earlier versions are read as {@link
 * StagingFormat#PLAIN_BINARY}, which their writers staged. Version 5 adds the mode's keyless mode
 * (its name) after the mode; earlier versions are read as {@link KeylessMode#APPEND}, because their
 * writers staged a keyless table's UPDATE as one row (the after image), which only a change log can
 * apply. Version 4 adds to each file its kept bytes (length, -1 for none, then the bytes). Version
 * 3 adds to each schema change the target of a renamed table's old name (nullable schema, name).
 * Version 2: table, checkpoint id, staging id, subtask, files (path, columns, rows), max source
 * position and time, columns (name, type, length, scale, nullable, enum values), key, schema
 * changes (DDL, position, database, columns, key), mode (ignore DDL, deletes, archive, history,
 * dist style, sort key). Version 1 had the DDL texts only and no mode; it is still read (the
 * default mode). A version this build does not know is rejected, never guessed at.
 */
public final class TableCommittableSerializer
        implements SimpleVersionedSerializer<TableCommittable> {

    public static final int VERSION = 7;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(TableCommittable c) throws IOException {
        return serialize(c, VERSION);
    }

    /**
     * The layout of {@code version} 3 or later (3: the files' kept bytes are left out; before 5 the
     * keyless mode, before 6 the staging format), so tests can produce what an older build wrote.
     */
    byte[] serialize(TableCommittable c, int version) throws IOException {
        if (version < 3 || version > VERSION) {
            throw new IllegalArgumentException("writes versions 3 to " + VERSION);
        }
        DataOutputSerializer out = new DataOutputSerializer(256);
        writeString(out, c.table().schema());
        writeString(out, c.table().name());
        out.writeLong(c.checkpointId());
        writeString(out, c.stagingId());
        out.writeInt(c.subtask());
        out.writeInt(c.files().size());
        for (StagedFile f : c.files()) {
            writeString(out, f.path());
            writeStrings(out, f.columns());
            out.writeLong(f.rows());
            if (version >= 4) {
                byte[] content = f.content();
                out.writeInt(content == null ? -1 : content.length);
                if (content != null) {
                    out.write(content);
                }
            }
        }
        writeString(out, c.maxSourcePosition());
        out.writeLong(c.maxSourceTsMs());
        writeColumns(out, c.columns());
        writeStrings(out, c.primaryKey());
        out.writeInt(c.schemaChanges().size());
        for (SchemaChange sc : c.schemaChanges()) {
            writeString(out, sc.ddl());
            writeString(out, sc.position());
            writeString(out, sc.sourceDatabase());
            writeColumns(out, sc.columns());
            writeStrings(out, sc.primaryKey());
            TargetTable from = sc.renamedFrom();
            writeString(out, from == null ? null : from.schema());
            writeString(out, from == null ? null : from.name());
        }
        TableMode m = c.mode();
        out.writeBoolean(m.ignoreDdl());
        writeString(out, m.deletes().name());
        writeString(out, m.archive().name());
        out.writeBoolean(m.history());
        writeString(out, m.distStyle().name());
        writeStrings(out, m.sortKey());
        if (version >= 5) {
            writeString(out, m.keyless().name());
        }
        if (version >= 6) {
            writeString(out, c.stagingFormat().name());
        }
        if (version >= 7) {
            out.writeInt(c.partialColumns().size());
            for (List<String> set : c.partialColumns()) {
                writeStrings(out, set);
            }
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public TableCommittable deserialize(int version, byte[] bytes) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException(
                    "unknown table committable version "
                            + version
                            + "; this build reads versions 1 to "
                            + VERSION);
        }
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        TargetTable table = new TargetTable(readString(in), readString(in));
        long checkpointId = in.readLong();
        String stagingId = readString(in);
        int subtask = in.readInt();
        int fileCount = in.readInt();
        List<StagedFile> files = new ArrayList<>(fileCount);
        for (int i = 0; i < fileCount; i++) {
            String path = readString(in);
            List<String> fileColumns = readStrings(in);
            long rows = in.readLong();
            byte[] content = null;
            if (version >= 4) {
                int length = in.readInt();
                if (length >= 0) {
                    content = new byte[length];
                    in.readFully(content);
                }
            }
            files.add(new StagedFile(path, fileColumns, rows, content));
        }
        String maxPos = readString(in);
        long maxTs = in.readLong();
        List<ColumnDef> columns = readColumns(in);
        List<String> key = readStrings(in);
        List<SchemaChange> changes = new ArrayList<>();
        TableMode mode = TableMode.defaults().withKeyless(KeylessMode.APPEND);
        StagingFormat format = StagingFormat.PLAIN_BINARY;
        if (version == 1) {
            readStrings(in).forEach(ddl -> changes.add(SchemaChange.textOnly(ddl)));
        } else {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String ddl = readString(in);
                String position = readString(in);
                String database = readString(in);
                List<ColumnDef> cols = readColumns(in);
                List<String> pk = readStrings(in);
                TargetTable from = null;
                if (version >= 3) {
                    String schema = readString(in);
                    String name = readString(in);
                    from = name == null ? null : new TargetTable(schema, name);
                }
                changes.add(new SchemaChange(ddl, position, database, cols, pk, from));
            }
            mode =
                    new TableMode(
                            in.readBoolean(),
                            DeleteHandling.valueOf(readString(in)),
                            DeleteArchive.valueOf(readString(in)),
                            in.readBoolean(),
                            SchemaPolicy.DistStyle.valueOf(readString(in)),
                            readStrings(in),
                            version >= 5 ? keyless(readString(in)) : KeylessMode.APPEND);
            if (version >= 6) {
                format = stagingFormat(readString(in));
            }
        }
        List<List<String>> partial = new ArrayList<>();
        for (int i = version >= 7 ? in.readInt() : 0; i > 0; i--) {
            partial.add(readStrings(in));
        }
        return new TableCommittable(
                        table,
                        checkpointId,
                        stagingId,
                        subtask,
                        files,
                        maxPos,
                        maxTs,
                        columns,
                        key,
                        changes,
                        mode,
                        format)
                .withPartialColumns(partial);
    }

    private static StagingFormat stagingFormat(String name) throws IOException {
        for (StagingFormat f : StagingFormat.values()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IOException("unknown staging format '" + name + "' in a table committable");
    }

    private static KeylessMode keyless(String name) throws IOException {
        for (KeylessMode m : KeylessMode.values()) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IOException("unknown keyless mode '" + name + "' in a table committable");
    }

    private static void writeColumns(DataOutputView out, List<ColumnDef> columns)
            throws IOException {
        out.writeInt(columns.size());
        for (ColumnDef col : columns) {
            writeString(out, col.name());
            writeString(out, col.type());
            writeNullableInt(out, col.length());
            writeNullableInt(out, col.scale());
            out.writeBoolean(col.nullable());
            writeStrings(out, col.enumValues());
        }
    }

    private static List<ColumnDef> readColumns(DataInputView in) throws IOException {
        int n = in.readInt();
        List<ColumnDef> columns = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            columns.add(
                    new ColumnDef(
                            readString(in),
                            readString(in),
                            readNullableInt(in),
                            readNullableInt(in),
                            in.readBoolean(),
                            readStrings(in)));
        }
        return columns;
    }

    private static void writeString(DataOutputView out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            StringValue.writeString(s, out); // no 64 KB limit, unlike writeUTF
        }
    }

    private static String readString(DataInputView in) throws IOException {
        return in.readBoolean() ? StringValue.readString(in) : null;
    }

    private static void writeStrings(DataOutputView out, List<String> list) throws IOException {
        out.writeInt(list == null ? -1 : list.size());
        if (list != null) {
            for (String s : list) {
                writeString(out, s);
            }
        }
    }

    private static List<String> readStrings(DataInputView in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readString(in));
        }
        return list;
    }

    private static void writeNullableInt(DataOutputView out, Integer v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    private static Integer readNullableInt(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }
}
