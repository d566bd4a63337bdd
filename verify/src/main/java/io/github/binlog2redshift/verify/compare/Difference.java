package io.github.binlog2redshift.verify.compare;

import java.util.List;

/**
 * One differing row: its key (canonical values, in key-column order) and, for a changed row, each
 * differing column with both canonical values.
 */
public record Difference(Type type, List<String> key, List<ColumnChange> changes) {

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
        key = List.copyOf(key);
        changes = List.copyOf(changes);
    }
}
