package io.github.binlog2redshift.sink.serde;

/**
 * The codec serializer snapshot under the name this job's savepoints recorded before the codec
 * classes moved to {@code common}; Flink restores it by that name, and it reads exactly as {@link
 * io.github.binlog2redshift.serde.CodecSerializerSnapshot}.
 */
public final class CodecSerializerSnapshot<T>
        extends io.github.binlog2redshift.serde.CodecSerializerSnapshot<T> {

    /** For Flink's reflective restore. */
    public CodecSerializerSnapshot() {}
}
