package io.github.binlog2redshift.sink;

import java.util.List;
import java.util.Objects;

/**
 * One staged file: its path (a Flink file system URI, e.g. {@code s3://bucket/prefix/...}), the
 * source columns its rows carry after the hidden op/position/time columns, and its row count. A
 * table's files in one checkpoint may differ in columns when a schema change happened in between.
 */
public record StagedFile(String path, List<String> columns, long rows) {

    public StagedFile {
        Objects.requireNonNull(path, "path");
        columns = List.copyOf(columns);
    }
}
