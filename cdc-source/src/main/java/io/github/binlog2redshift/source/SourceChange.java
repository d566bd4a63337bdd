package io.github.binlog2redshift.source;

import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.serde.CodecTypeInfo;
import io.github.binlog2redshift.serde.RecordCodec;
import io.github.binlog2redshift.source.serde.BinaryFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A converted change ready for Kafka, as the source emits it: the key and the JSON value are
 * already serialized, so nothing but bytes and a few routing fields cross operator boundaries
 * (Flink serializes it with {@link Codec}, see {@link #typeInfo()}).
 *
 * <p>Two changes are equal when all fields are, the key and value bytes by content.
 */
public final class SourceChange {

    private final String database;
    private final String table;
    @Nullable private final Op op;
    private final byte[] key;
    private final byte[] value;
    @Nullable private final String deadLetterReason;
    private final long binlogFileSequence;
    private final long binlogPosition;
    private final long sourceTsMs;

    public SourceChange(
            String database,
            String table,
            @Nullable Op op,
            byte[] key,
            byte[] value,
            @Nullable String deadLetterReason,
            long binlogFileSequence,
            long binlogPosition,
            long sourceTsMs) {
        this.database = database;
        this.table = table;
        this.op = op;
        this.key = key;
        this.value = value;
        this.deadLetterReason = deadLetterReason;
        this.binlogFileSequence = binlogFileSequence;
        this.binlogPosition = binlogPosition;
        this.sourceTsMs = sourceTsMs;
    }

    /** The source database. */
    public String database() {
        return database;
    }

    /** The source table. */
    public String table() {
        return table;
    }

    /**
     * The change kind; DDL events are fanned out to every partition downstream. Null for a dead
     * letter whose record could not be converted.
     */
    @Nullable
    public Op op() {
        return op;
    }

    /** The partition key bytes ({@code PartitionKey}); for dead letters {@code db.table}. */
    public byte[] key() {
        return key;
    }

    /** The event JSON ({@code ChangeEventJson}), or the dead-letter JSON. */
    public byte[] value() {
        return value;
    }

    /** Why the change cannot be delivered normally, null when it can. */
    @Nullable
    public String deadLetterReason() {
        return deadLetterReason;
    }

    /** The binlog file's numeric suffix, 0 for snapshot rows and chunk ranges. */
    public long binlogFileSequence() {
        return binlogFileSequence;
    }

    /** The event's binlog position, 0 for snapshot rows and chunk ranges. */
    public long binlogPosition() {
        return binlogPosition;
    }

    /** When the server wrote the change (0 for snapshot rows and chunk ranges). */
    public long sourceTsMs() {
        return sourceTsMs;
    }

    public boolean isDeadLetter() {
        return deadLetterReason != null;
    }

    /** {@code db.table}, the metric and log name. */
    public String tableName() {
        return database + "." + table;
    }

    /** Flink type information with {@link Codec}, so a change never goes through Kryo. */
    public static TypeInformation<SourceChange> typeInfo() {
        return new CodecTypeInfo<>(new Codec());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SourceChange)) {
            return false;
        }
        SourceChange other = (SourceChange) o;
        return database.equals(other.database)
                && table.equals(other.table)
                && op == other.op
                && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value)
                && Objects.equals(deadLetterReason, other.deadLetterReason)
                && binlogFileSequence == other.binlogFileSequence
                && binlogPosition == other.binlogPosition
                && sourceTsMs == other.sourceTsMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                database,
                table,
                op,
                Arrays.hashCode(key),
                Arrays.hashCode(value),
                deadLetterReason,
                binlogFileSequence,
                binlogPosition,
                sourceTsMs);
    }

    /** The record's form, with the lengths of the key and value instead of their bytes. */
    @Override
    public String toString() {
        return "SourceChange[database="
                + database
                + ", table="
                + table
                + ", op="
                + op
                + ", key="
                + length(key)
                + ", value="
                + length(value)
                + ", deadLetterReason="
                + deadLetterReason
                + ", binlogFileSequence="
                + binlogFileSequence
                + ", binlogPosition="
                + binlogPosition
                + ", sourceTsMs="
                + sourceTsMs
                + "]";
    }

    private static String length(@Nullable byte[] b) {
        return b == null ? "null" : "byte[" + b.length + "]";
    }

    /**
     * Version 1: database, table, op code (nullable), key, value, dead-letter reason (nullable),
     * binlog file sequence, binlog position, source timestamp.
     */
    public static final class Codec implements RecordCodec<SourceChange> {

        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Class<SourceChange> type() {
            return SourceChange.class;
        }

        @Override
        public void write(SourceChange c, DataOutputView out) throws IOException {
            BinaryFields.writeString(c.database, out);
            BinaryFields.writeString(c.table, out);
            BinaryFields.writeString(c.op == null ? null : c.op.code(), out);
            BinaryFields.writeBytes(c.key, out);
            BinaryFields.writeBytes(c.value, out);
            BinaryFields.writeString(c.deadLetterReason, out);
            out.writeLong(c.binlogFileSequence);
            out.writeLong(c.binlogPosition);
            out.writeLong(c.sourceTsMs);
        }

        @Override
        public SourceChange read(int version, DataInputView in) throws IOException {
            String database = BinaryFields.readString(in);
            String table = BinaryFields.readString(in);
            String opCode = BinaryFields.readString(in);
            return new SourceChange(
                    database,
                    table,
                    opCode == null ? null : op(opCode),
                    BinaryFields.readBytes(in),
                    BinaryFields.readBytes(in),
                    BinaryFields.readString(in),
                    in.readLong(),
                    in.readLong(),
                    in.readLong());
        }

        private static Op op(String code) throws IOException {
            try {
                return Op.fromCode(code);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
