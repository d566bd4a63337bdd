package io.github.binlog2redshift.sink.serde;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A {@link ChangeEvent} in the binary layout of the sink's codecs: what crosses the keyBy shuffle
 * and sits in the dedupe state. It replaces the change-event JSON there: writing and re-parsing
 * that through Jackson trees made the shuffle cost about a quarter of the source thread in the sink
 * catch-up benchmark. Unlike the JSON it keeps every value's Java type (a {@link Double} stays a
 * {@link Double}, not a BigDecimal) and every part of the position (an empty binlog file name stays
 * empty, a file sequence stays what it was).
 *
 * <p>Layout, strings by {@link BinaryFields#writeString} (nullable, no 64 KB limit): database,
 * table; op code (a byte fixed here, not the enum ordinal); before and after rows; source position
 * (server id, file, file sequence, position, row, gtid, snapshot, timestamp, epoch); tsMs; primary
 * key; columns (name, type, length, scale, nullable, enum values); ddl. A row or list is its size
 * (-1 for null), then its entries in order; a row entry is the column name and the value in {@link
 * RowValueBinary}'s form. The layout has no version of its own: the enclosing codec's version
 * covers it, so any change here means a new version of every codec that embeds it. The position's
 * epoch was added later: codec versions written before it read through {@link #readWithoutEpoch},
 * as epoch 0. Last comes whether the images are partial ({@link ChangeEvent#partialImage()}), added
 * after the epoch: codec versions written before it read through {@link #readWithoutPartialFlag}.
 */
public final class ChangeEventBinary {

    private ChangeEventBinary() {}

    public static void write(ChangeEvent e, DataOutputView out) throws IOException {
        BinaryFields.writeString(e.table().database(), out);
        BinaryFields.writeString(e.table().table(), out);
        out.writeByte(opCode(e.op()));
        writeRow(e.before(), out);
        writeRow(e.after(), out);
        SourcePosition p = e.source();
        out.writeLong(p.serverId());
        BinaryFields.writeString(p.file(), out);
        out.writeLong(p.fileSequence());
        out.writeLong(p.position());
        out.writeInt(p.row());
        BinaryFields.writeString(p.gtid(), out);
        out.writeBoolean(p.snapshot());
        out.writeLong(p.timestampMs());
        out.writeInt(p.epoch());
        out.writeLong(e.tsMs());
        writeStrings(e.primaryKey(), out);
        out.writeInt(e.columns().size());
        for (ColumnDef c : e.columns()) {
            BinaryFields.writeString(c.name(), out);
            BinaryFields.writeString(c.type(), out);
            writeNullableInt(c.length(), out);
            writeNullableInt(c.scale(), out);
            out.writeBoolean(c.nullable());
            writeStrings(c.enumValues(), out);
        }
        BinaryFields.writeString(e.ddl(), out);
        out.writeBoolean(e.partialImage());
    }

    /**
     * Reads what {@link #write} wrote. A corrupt or truncated input throws {@link IOException}
     * (never a half-built event).
     */
    public static ChangeEvent read(DataInputView in) throws IOException {
        return read(in, true, true);
    }

    /** Reads the layout as it was before the position's epoch: every position is of epoch 0. */
    public static ChangeEvent readWithoutEpoch(DataInputView in) throws IOException {
        return read(in, false, false);
    }

    /** Reads the layout as it was before partial row images: every event is full. */
    public static ChangeEvent readWithoutPartialFlag(DataInputView in) throws IOException {
        return read(in, true, false);
    }

    private static ChangeEvent read(DataInputView in, boolean withEpoch, boolean withPartialFlag)
            throws IOException {
        String database = BinaryFields.readString(in);
        String table = BinaryFields.readString(in);
        Op op = op(in.readUnsignedByte());
        Map<String, Object> before = readRow(in);
        Map<String, Object> after = readRow(in);
        long serverId = in.readLong();
        String file = BinaryFields.readString(in);
        long fileSequence = in.readLong();
        long position = in.readLong();
        int row = in.readInt();
        String gtid = BinaryFields.readString(in);
        boolean snapshot = in.readBoolean();
        long timestampMs = in.readLong();
        int epoch = withEpoch ? in.readInt() : 0;
        long tsMs = in.readLong();
        List<String> primaryKey = readStrings(in);
        int columnCount = size(in);
        List<ColumnDef> columns = new ArrayList<>(Math.max(columnCount, 0));
        for (int i = 0; i < columnCount; i++) {
            String name = BinaryFields.readString(in);
            String type = BinaryFields.readString(in);
            Integer length = readNullableInt(in);
            Integer scale = readNullableInt(in);
            boolean nullable = in.readBoolean();
            List<String> enumValues = readStrings(in);
            columns.add(
                    build(() -> new ColumnDef(name, type, length, scale, nullable, enumValues)));
        }
        String ddl = BinaryFields.readString(in);
        boolean partial = withPartialFlag && in.readBoolean();
        return build(
                () ->
                        new ChangeEvent(
                                TableId.of(database, table),
                                op,
                                before,
                                after,
                                new SourcePosition(
                                        epoch,
                                        serverId,
                                        file,
                                        fileSequence,
                                        position,
                                        row,
                                        gtid,
                                        snapshot,
                                        timestampMs),
                                tsMs,
                                primaryKey,
                                columns,
                                ddl,
                                partial));
    }

    private static void writeRow(Map<String, Object> row, DataOutputView out) throws IOException {
        if (row == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(row.size());
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            BinaryFields.writeString(entry.getKey(), out);
            RowValueBinary.write(entry.getKey(), entry.getValue(), out);
        }
    }

    private static Map<String, Object> readRow(DataInputView in) throws IOException {
        int size = size(in);
        if (size < 0) {
            return null;
        }
        // Capacity for size entries at the default load factor, so the map never rehashes.
        Map<String, Object> row = new LinkedHashMap<>(size + size / 3 + 1);
        for (int i = 0; i < size; i++) {
            row.put(BinaryFields.readString(in), RowValueBinary.read(in));
        }
        return row;
    }

    private static void writeStrings(List<String> strings, DataOutputView out) throws IOException {
        if (strings == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(strings.size());
        for (String s : strings) {
            BinaryFields.writeString(s, out);
        }
    }

    private static List<String> readStrings(DataInputView in) throws IOException {
        int size = size(in);
        if (size < 0) {
            return null;
        }
        List<String> strings = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            strings.add(BinaryFields.readString(in));
        }
        return strings;
    }

    private static void writeNullableInt(Integer v, DataOutputView out) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeInt(v);
        }
    }

    private static Integer readNullableInt(DataInputView in) throws IOException {
        return in.readBoolean() ? in.readInt() : null;
    }

    /** A size, or -1 for null; anything below is corruption, not a reason to allocate. */
    private static int size(DataInputView in) throws IOException {
        int size = in.readInt();
        if (size < -1) {
            throw new IOException("negative size " + size + " in a change event");
        }
        return size;
    }

    // Fixed here rather than Op.ordinal(): reordering the enum must not change stored bytes.
    private static int opCode(Op op) {
        switch (op) {
            case READ:
                return 0;
            case CREATE:
                return 1;
            case UPDATE:
                return 2;
            case DELETE:
                return 3;
            case SCHEMA_CHANGE:
                return 4;
            default:
                throw new IllegalArgumentException("no op code for " + op);
        }
    }

    private static Op op(int code) throws IOException {
        switch (code) {
            case 0:
                return Op.READ;
            case 1:
                return Op.CREATE;
            case 2:
                return Op.UPDATE;
            case 3:
                return Op.DELETE;
            case 4:
                return Op.SCHEMA_CHANGE;
            default:
                throw new IOException("unknown op code " + code + " in a change event");
        }
    }

    /** The model's constructors reject what corrupt bytes may decode to; report it as such. */
    private static <T> T build(Supplier<T> factory) throws IOException {
        try {
            return factory.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("corrupt change event: " + e.getMessage(), e);
        }
    }
}
