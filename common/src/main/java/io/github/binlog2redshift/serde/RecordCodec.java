package io.github.binlog2redshift.serde;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * The binary form of one record type that travels between operators or sits in state. A codec is
 * stateless and has a public no-argument constructor, so a restored serializer snapshot can
 * recreate it by class name.
 *
 * <p>{@link CodecTypeSerializer} writes {@link #version()} in front of every record and refuses a
 * record whose version is newer than the codec's: a build never guesses at a format it does not
 * know. A codec that changes its layout raises its version and keeps reading the older ones.
 */
public interface RecordCodec<T> extends Serializable {

    /** The version this codec writes; 1..255. */
    int version();

    Class<T> type();

    void write(T value, DataOutputView out) throws IOException;

    /** Reads a record written by version {@code version} (at most {@link #version()}). */
    T read(int version, DataInputView in) throws IOException;
}
