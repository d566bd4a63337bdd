package io.github.binlog2redshift.serde;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Flink serializer for an immutable record type, driven by a {@link RecordCodec}: one version
 * byte, then the codec's bytes. Unknown (newer) versions are rejected with the version numbers in
 * the message. Records are immutable, so copies are the same instance.
 */
public final class CodecTypeSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final RecordCodec<T> codec;

    public CodecTypeSerializer(RecordCodec<T> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return from;
    }

    @Override
    public T copy(T from, T reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        target.writeByte(codec.version());
        codec.write(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int version = source.readUnsignedByte();
        if (version < 1 || version > codec.version()) {
            throw new IOException(
                    "cannot read a "
                            + codec.type().getSimpleName()
                            + " of format version "
                            + version
                            + ": this build reads versions 1 to "
                            + codec.version());
        }
        return codec.read(version, source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof CodecTypeSerializer)) {
            return false;
        }
        CodecTypeSerializer<?> other = (CodecTypeSerializer<?>) obj;
        return other.codec.getClass() == codec.getClass();
    }

    @Override
    public int hashCode() {
        return codec.getClass().hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new CodecSerializerSnapshot<>(codec);
    }
}
