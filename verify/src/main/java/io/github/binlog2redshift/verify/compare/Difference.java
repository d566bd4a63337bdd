package io.github.binlog2redshift.verify.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One differing row: its key (canonical values, in key-column order; a table without a key: all its
 * values) and, for a changed row, each differing column with both canonical values; {@code count}
 * is how many times the row is missing or extra (more than 1 only for tables without a key, whose
 * rows may repeat).
 */
public record Difference(Type type, List<String> key, List<ColumnChange> changes, long count) {

    /** What differs. */
    public enum Type {
        /** in the source, not in the target */
        MISSING,
        /** in the target, not in the source */
        EXTRA,
        /** in both, with different values */
        CHANGED
    }

    /** A column whose canonical values differ. */
    public record ColumnChange(String column, String source, String target) {}

    public Difference {
        key = Collections.unmodifiableList(new ArrayList<>(key)); // values may be NULL
        changes = List.copyOf(changes);
    }

    /** One row. */
    public Difference(Type type, List<String> key, List<ColumnChange> changes) {
        this(type, key, changes, 1);
    }
}
