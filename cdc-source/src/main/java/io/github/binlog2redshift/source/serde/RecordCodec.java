package io.github.binlog2redshift.source.serde;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The binary form of one value type that crosses an operator boundary. A codec is stateless and has
 * a public no-argument constructor, so a restored serializer snapshot can recreate it by class
 * name.
 *
 * <p>{@link CodecTypeSerializer} writes {@link #version()} in front of every value and refuses a
 * value whose version is newer than the codec's. A codec that changes its layout raises its version
 * and keeps reading the older ones. (The sink has its own copy of these classes, whose names are
 * stored in its savepoints.)
 */
public interface RecordCodec<T> extends Serializable {

    /** The version this codec writes; 1..255. */
    int version();

    Class<T> type();

    void write(T value, DataOutputView out) throws IOException;

    /** Reads a value written by version {@code version} (at most {@link #version()}). */
    T read(int version, DataInputView in) throws IOException;
}
