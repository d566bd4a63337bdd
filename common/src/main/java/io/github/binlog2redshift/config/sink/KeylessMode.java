package io.github.binlog2redshift.config.sink;

/**
 * How a table without a key (none at the source, none in its rule) is written ({@code
 * sink.keyless-tables}, a table rule's {@code keyless}); see {@code docs/tables.md}.
 */
public enum KeylessMode {
    /**
     * The target is a copy of the source table as a multiset: duplicate rows stay duplicates, a
     * DELETE removes exactly one row equal to its before image, an UPDATE replaces exactly one.
     * Needs the full before image of every UPDATE.
     */
    MIRROR,
    /**
     * The target is a change log: every change is appended with its {@code _b2r_op} (a delete with
     * its before image, an update with its after image); nothing is ever removed.
     */
    APPEND
}
