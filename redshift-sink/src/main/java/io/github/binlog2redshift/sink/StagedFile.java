package io.github.binlog2redshift.sink;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One staged file: its path (a Flink file system URI, e.g. {@code s3://bucket/prefix/...}), the
 * source columns its rows carry after the hidden op/position/time columns, and its row count. A
 * table's files in one checkpoint may differ in columns when a schema change happened in between.
 *
 * @param content the file's exact bytes when the writer kept a copy (small files for a PostgreSQL
 *     target, which has to stream them to COPY itself; see {@code StagingBuffers}), else null. The
 *     file is written to the staging file system either way.
 */
public record StagedFile(String path, List<String> columns, long rows, byte[] content) {

    public StagedFile {
        Objects.requireNonNull(path, "path");
        columns = List.copyOf(columns);
    }

    /** A file without a kept copy: loads read it from the staging file system. */
    public StagedFile(String path, List<String> columns, long rows) {
        this(path, columns, rows, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StagedFile f
                && path.equals(f.path)
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
