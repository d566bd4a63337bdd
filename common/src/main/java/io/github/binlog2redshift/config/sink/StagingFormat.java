package io.github.binlog2redshift.config.sink;

/** File format of staged batches read by COPY ({@code sink.staging.format}). */
public enum StagingFormat {
    CSV,
    JSON
}
