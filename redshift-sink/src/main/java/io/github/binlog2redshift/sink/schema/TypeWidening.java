package io.github.binlog2redshift.sink.schema;

import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.ColumnType.Family;
import io.github.binlog2redshift.sink.dialect.SqlDialect;

/**
 * Decides what a target column's type must become when its source column's type changed. The rule
 * is "never narrow, never lose a value": a widening is applied (longer text, larger integer, more
 * decimal digits, more fractional seconds); a narrowing keeps the wider target type, which holds
 * every value of the new source type; anything else is incompatible and left to the policy.
 */
final class TypeWidening {

    private TypeWidening() {}

    /** The type the column must get, {@code null} to keep it, or {@link #INCOMPATIBLE}. */
    static final String INCOMPATIBLE = "\u0000incompatible";

    static String decide(ColumnType current, ColumnType desired, SqlDialect d) {
        Family f = current.family();
        if (f == desired.family()) {
            switch (f) {
                case INTEGER:
                case FLOAT:
                    return desired.size() > current.size() ? desired.text() : null;
                case DECIMAL:
                    return decimal(current, desired, d);
                case TEXT:
                case BINARY:
                    return current.size() != null
                                    && (desired.size() == null || desired.size() > current.size())
                            ? desired.text()
                            : null;
                case TIMESTAMP:
                case TIMESTAMPTZ:
                    return current.size() != null
                                    && desired.size() != null
                                    && desired.size() > current.size()
                            ? desired.text()
                            : null;
                case BOOLEAN:
                case DATE:
                case JSON:
                    return null;
                case OTHER:
                    // A catalog type this code does not know (e.g. a user's own type): left alone.
                    return null;
                default:
                    throw new IllegalArgumentException("unknown type family " + f);
            }
        }
        if (f == Family.OTHER) {
            return null;
        }
        if (f == Family.INTEGER && desired.family() == Family.DECIMAL) {
            return decimal(current, desired, d);
        }
        if (f == Family.DECIMAL && desired.family() == Family.INTEGER) {
            return current.scale() == 0 && current.integerDigits() >= desired.integerDigits()
                    ? null
                    : decimal(current, desired, d);
        }
        return INCOMPATIBLE;
    }

    /** The smallest decimal holding both; INTEGER counts as a decimal of its widest value. */
    private static String decimal(ColumnType current, ColumnType desired, SqlDialect d) {
        int scale = Math.max(scaleOf(current), scaleOf(desired));
        int digits = Math.max(current.integerDigits(), desired.integerDigits());
        if (current.family() == Family.DECIMAL
                && digits == current.integerDigits()
                && scale == current.scale()) {
            return null;
        }
        if (digits + scale > d.maxDecimalPrecision()) {
            return INCOMPATIBLE;
        }
        return d.decimalType(digits + scale, scale);
    }

    private static int scaleOf(ColumnType t) {
        return t.family() == Family.DECIMAL ? t.scale() : 0;
    }
}
