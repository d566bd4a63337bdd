package io.github.binlog2redshift.verify.schema;

import io.github.binlog2redshift.verify.canon.ValueKind;

/**
 * A column present on both sides, with the rule that normalises its values. The target name may
 * differ in case only (PostgreSQL folds unquoted names to lower case).
 */
public record ComparedColumn(
        String sourceName, String targetName, ValueKind kind, int scale, String targetType) {

    /** Whether the warehouse keeps this column as text (e.g. binary as base64, JSON in VARCHAR). */
    public boolean targetIsText() {
        return targetType.contains("char") || targetType.equals("text");
    }
}
