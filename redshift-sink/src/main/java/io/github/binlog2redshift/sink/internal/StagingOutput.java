package io.github.binlog2redshift.sink.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.TemporaryClassLoaderContext;

/**
 * A new object on the staging file system (staged files and COPY manifests), overwriting one an
 * earlier attempt left. Its creation, writes and close run with the file system's own class loader
 * as the thread's context class loader, and a flush does nothing.
 *
 * <p>Why the class loader: S3A (Hadoop 3.3.4, in {@code flink-s3-fs-hadoop}) starts its upload
 * threads lazily, on the first block or PUT, and they inherit the caller's context class loader.
 * Flink caches the file system across jobs and job restarts in one TaskManager JVM, so threads
 * started under a job's user-code class loader outlive it and fail every later upload with "Trying
 * to access closed classloader" (seen in TruncatePipelineITCase: the second job's writer failed at
 * every checkpoint).
 *
 * <p>Why no flush: a flush of a Flink S3 stream is an hflush, which S3 cannot do (S3A warns on
 * every call); the object is complete when the stream closes.
 */
public final class StagingOutput extends FilterOutputStream {

    private final ClassLoader loader;

    private StagingOutput(OutputStream out, ClassLoader loader) {
        super(out);
        this.loader = loader;
    }

    /** Creates the object at {@code uri} (overwriting) and returns its stream. */
    public static OutputStream create(String uri) throws IOException {
        Path path = new Path(uri);
        FileSystem fs = path.getFileSystem();
        ClassLoader loader = loaderOf(fs);
        try (TemporaryClassLoaderContext ignored = TemporaryClassLoaderContext.of(loader)) {
            OutputStream out = fs.create(path, FileSystem.WriteMode.OVERWRITE);
            // A plugin file system is wrapped by Flink; its streams come from the plugin's loader.
            return new StagingOutput(out, loaderOf(out));
        }
    }

    private static ClassLoader loaderOf(Object o) {
        ClassLoader own = o.getClass().getClassLoader();
        return own != null ? own : Thread.currentThread().getContextClassLoader();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try (TemporaryClassLoaderContext ignored = TemporaryClassLoaderContext.of(loader)) {
            out.write(b, off, len);
        }
    }

    @Override
    public void flush() {}

    @Override
    public void close() throws IOException {
        try (TemporaryClassLoaderContext ignored = TemporaryClassLoaderContext.of(loader)) {
            out.close();
        }
    }
}
