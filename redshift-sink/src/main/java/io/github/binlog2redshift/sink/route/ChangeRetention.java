package io.github.binlog2redshift.sink.route;

/**
 * How many changes of one key the dedupe step hands to the apply per checkpoint interval.
 *
 * <p>A mirrored table needs only the newest change of a key: the merge replaces the row with it. A
 * {@code history} table appends every change to {@code <table>_history}, and a table without a key
 * is an append-only change log: collapsing their changes would silently lose rows (three updates of
 * one row in an interval are three history rows, two identical inserts into a keyless table are two
 * rows).
 */
public enum ChangeRetention {
    /** Only the newest change per key by source position ({@code ChangeOrder}). */
    LATEST,
    /** Every change, in source order; the merge itself picks the newest per key for the target. */
    EVERY
}
