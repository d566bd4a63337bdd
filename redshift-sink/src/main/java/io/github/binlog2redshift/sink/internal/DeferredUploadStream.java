package io.github.binlog2redshift.sink.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A staged file's bytes, held in memory until they pass {@link StagingBuffers#fileThreshold()} or
 * the writer's total budget, then streamed to the staging file system. A small file is created and
 * uploaded only when it is closed, which {@link io.github.binlog2redshift.sink.StagingWriter} does
 * for all tables in parallel at the checkpoint barrier.
 *
 * <p>Why: through S3A (Hadoop 3.3.4, in {@code flink-s3-fs-hadoop}) creating an object costs a HEAD
 * and a LIST before the first byte, and its upload is a PUT on close. Done inline for every table
 * of every interval, that was a third of the writer thread's time and most of the checkpoint
 * duration with 100 small tables (see benchmarks/README.md).
 *
 * <p>A small file that keeps a copy for the committable is not written at all when the buffers say
 * so ({@link StagingBuffers#keepingCopies(boolean)}): the copy is then the file.
 *
 * <p>The file is a {@link StagingOutput}, for the class loader its upload threads need.
 */
final class DeferredUploadStream extends OutputStream {

    private final String uri;
    private final StagingBuffers buffers;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream(8 << 10);
    private OutputStream file;
    private byte[] copy;
    private boolean closed;

    DeferredUploadStream(String uri, StagingBuffers buffers) {
        this.uri = uri;
        this.buffers = buffers;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (file != null) {
            file.write(b, off, len);
            return;
        }
        memory.write(b, off, len);
        buffers.reserve(len);
        if (memory.size() > buffers.fileThreshold() || buffers.exhausted()) {
            spill();
        }
    }

    /**
     * A flush of a Flink S3 stream is an hflush, which S3 cannot do: the object completes on close.
     */
    @Override
    public void flush() {}

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (file == null) {
            if (buffers.keepCopy(memory.size())) {
                copy = memory.toByteArray();
                if (!buffers.uploadCopies()) {
                    buffers.release(memory.size());
                    memory = null;
                    return;
                }
            }
            spill();
        }
        file.close();
    }

    /** The file's bytes when it stayed small enough to keep a copy (after close), else null. */
    byte[] copy() {
        return copy;
    }

    /** Forgets the bytes without uploading them (an interval abandoned by the writer). */
    void discard() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (file != null) {
            file.close();
        } else {
            buffers.release(memory.size());
            memory = null;
        }
    }

    private void spill() throws IOException {
        file = StagingOutput.create(uri);
        buffers.release(memory.size());
        memory.writeTo(file);
        memory = null;
    }
}
