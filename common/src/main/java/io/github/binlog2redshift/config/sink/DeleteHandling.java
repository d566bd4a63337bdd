package io.github.binlog2redshift.config.sink;

/** What a delete event does to the target table (from a {@code sink.tables} rule). */
public enum DeleteHandling {
    /** Delete the row (default). */
    APPLY,
    /** Ignore deletes ({@code skip_delete}). */
    SKIP,
    /** Keep the row and mark it deleted ({@code soft_delete}). */
    SOFT
}
