package io.github.binlog2redshift.sink.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.TemporaryClassLoaderContext;

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
 * <p>Writes to and the close of the file system's stream run with the stream's own class loader as
 * the thread's context class loader. S3A starts its upload threads lazily, on the first block or
 * PUT, and they inherit the caller's context class loader; Flink caches the file system across jobs
 * and job restarts in one TaskManager JVM, so threads started under a job's user-code class loader
 * outlive it and fail every later upload with "Trying to access closed classloader" (seen in
 * TruncatePipelineITCase: the second job's writer failed at every checkpoint).
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
            try (TemporaryClassLoaderContext ignored = fileLoader()) {
                file.write(b, off, len);
            }
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
            }
            spill();
        }
        try (TemporaryClassLoaderContext ignored = fileLoader()) {
            file.close();
        }
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
            try (TemporaryClassLoaderContext ignored = fileLoader()) {
                file.close();
            }
        } else {
            buffers.release(memory.size());
            memory = null;
        }
    }

    private void spill() throws IOException {
        Path path = new Path(uri);
        file = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE);
        buffers.release(memory.size());
        try (TemporaryClassLoaderContext ignored = fileLoader()) {
            memory.writeTo(file);
        }
        memory = null;
    }

    /** The file system's own class loader as context class loader (see the class comment). */
    private TemporaryClassLoaderContext fileLoader() {
        ClassLoader own = file.getClass().getClassLoader();
        return TemporaryClassLoaderContext.of(
                own != null ? own : Thread.currentThread().getContextClassLoader());
    }
}
