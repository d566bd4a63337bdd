package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.sink.StagedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A staged file being written: CSV lines streamed (optionally gzipped) to the staging file system,
 * so a checkpoint interval's rows are never all held on the heap. Closing completes the object (for
 * S3, the multipart upload).
 */
public final class StagingFile implements AutoCloseable {

    private final String uri;
    private final List<String> columns;
    private final Writer writer;
    private final StringBuilder line = new StringBuilder(256);
    private DeferredUploadStream deferred;
    private long rows;
    private boolean closed;

    public StagingFile(String uri, List<String> columns, boolean gzip) throws IOException {
        this(uri, columns, gzip, null);
    }

    /**
     * With {@code buffers}, a small file stays in memory until {@link #finish()} (see {@link
     * DeferredUploadStream}); without, it is created on the file system at once.
     */
    public StagingFile(String uri, List<String> columns, boolean gzip, StagingBuffers buffers)
            throws IOException {
        this.uri = uri;
        this.columns = List.copyOf(columns);
        OutputStream out;
        if (buffers != null) {
            deferred = new DeferredUploadStream(uri, buffers);
            out = deferred;
        } else {
            out = StagingOutput.create(uri);
        }
        if (gzip) {
            out = new FastGzipStream(out);
        }
        this.writer =
                new OutputStreamWriter(
                        new java.io.BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
    }

    public List<String> columns() {
        return columns;
    }

    public void write(List<String> fields) throws IOException {
        line.setLength(0);
        CsvLine.append(line, fields);
        writer.append(line);
        rows++;
    }

    public long rows() {
        return rows;
    }

    /** Closes the file and describes it for the committable. */
    public StagedFile finish() throws IOException {
        close();
        return new StagedFile(uri, columns, rows, deferred == null ? null : deferred.copy());
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }

    /** Drops a file that will never be loaded: one still in memory is not uploaded. */
    public void discard() throws IOException {
        if (deferred != null && !closed) {
            closed = true;
            deferred.discard();
            return;
        }
        close();
    }

    /**
     * Gzip at deflate's fastest level: a staged file is read once, by COPY or by the committer, so
     * compression time counts more than size. Against the default level 6 it took 30-40% less CPU
     * for the sink benchmark's rows (and for random text), for files 5-6% larger.
     */
    private static final class FastGzipStream extends GZIPOutputStream {
        FastGzipStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
