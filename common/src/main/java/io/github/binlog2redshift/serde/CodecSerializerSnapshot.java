package io.github.binlog2redshift.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

/**
 * Remembers which {@link RecordCodec} wrote a state or channel: its class name. Record layout
 * changes are handled inside the codec by its per-record version, so the same codec class is always
 * compatible as is, and a different one never is.
 *
 * <p>Not final: each job keeps a subclass under the name its older savepoints recorded.
 */
public class CodecSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private RecordCodec<T> codec;

    /** For Flink's reflective restore. */
    public CodecSerializerSnapshot() {}

    CodecSerializerSnapshot(RecordCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(codec.getClass().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {
        if (readVersion != VERSION) {
            throw new IOException(
                    "unknown codec serializer snapshot version "
                            + readVersion
                            + ", this build reads "
                            + VERSION);
        }
        String className = in.readUTF();
        try {
            Class<?> type = Class.forName(className, true, classLoader);
            codec = (RecordCodec<T>) InstantiationUtil.instantiate(type);
        } catch (ClassNotFoundException | RuntimeException e) {
            throw new IOException("cannot restore record codec " + className, e);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return new CodecTypeSerializer<>(codec);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSnapshot) {
        if (oldSnapshot instanceof CodecSerializerSnapshot) {
            CodecSerializerSnapshot<T> old = (CodecSerializerSnapshot<T>) oldSnapshot;
            if (old.codec.getClass() == codec.getClass()) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
        }
        return TypeSerializerSchemaCompatibility.incompatible();
    }
}
