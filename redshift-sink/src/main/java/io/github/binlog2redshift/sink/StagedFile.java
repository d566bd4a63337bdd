package io.github.binlog2redshift.sink;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One staged file: its path (a Flink file system URI, e.g. {@code s3://bucket/prefix/...}), the
 * source columns its rows carry after the hidden op/position/time columns, and its row count. A
 * table's files in one checkpoint may differ in columns when a schema change happened in between.
 */
public final class StagedFile {

    private final String path;
    private final List<String> columns;
    private final long rows;
    @Nullable private final byte[] content;

    public StagedFile(String path, List<String> columns, long rows, @Nullable byte[] content) {
        this.path = Objects.requireNonNull(path, "path");
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.content = content;
    }

    /** A file without a kept copy: loads read it from the staging file system. */
    public StagedFile(String path, List<String> columns, long rows) {
        this(path, columns, rows, null);
    }

    public String path() {
        return path;
    }

    public List<String> columns() {
        return columns;
    }

    public long rows() {
        return rows;
    }

    /**
     * The file's exact bytes when the writer kept a copy (small files for a PostgreSQL target,
     * which has to stream them to COPY itself; see {@code StagingBuffers}), else null. The file is
     * written to the staging file system either way.
     */
    @Nullable
    public byte[] content() {
        return content;
    }

    /** Compares the kept copies by content, not identity. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StagedFile)) {
            return false;
        }
        StagedFile f = (StagedFile) o;
        return path.equals(f.path)
                && columns.equals(f.columns)
                && rows == f.rows
                && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, columns, rows, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "StagedFile[path="
                + path
                + ", columns="
                + columns
                + ", rows="
                + rows
                + (content == null ? "" : ", " + content.length + " bytes kept")
                + "]";
    }
}
