package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.sink.StagedFile;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

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
    private long rows;
    private boolean closed;

    public StagingFile(String uri, List<String> columns, boolean gzip) throws IOException {
        this.uri = uri;
        this.columns = List.copyOf(columns);
        Path path = new Path(uri);
        OutputStream out = path.getFileSystem().create(path, FileSystem.WriteMode.OVERWRITE);
        if (gzip) {
            out = new GZIPOutputStream(out, 1 << 16);
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
        return new StagedFile(uri, columns, rows);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            writer.close();
        }
    }
}
