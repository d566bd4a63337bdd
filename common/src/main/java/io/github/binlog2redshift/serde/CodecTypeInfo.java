package io.github.binlog2redshift.serde;

import java.util.Objects;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information for a record type serialized by a {@link RecordCodec}, so the type never falls
 * back to Kryo (whose format is neither versioned nor stable across releases).
 */
public final class CodecTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final RecordCodec<T> codec;

    public CodecTypeInfo(RecordCodec<T> codec) {
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return codec.type();
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new CodecTypeSerializer<>(codec);
    }

    @Override
    @SuppressWarnings("deprecation")
    public TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return new CodecTypeSerializer<>(codec);
    }

    @Override
    public String toString() {
        return "CodecTypeInfo<" + codec.type().getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof CodecTypeInfo)) {
            return false;
        }
        CodecTypeInfo<?> other = (CodecTypeInfo<?>) obj;
        return other.codec.getClass() == codec.getClass();
    }

    @Override
    public int hashCode() {
        return codec.getClass().hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof CodecTypeInfo<?>;
    }
}
