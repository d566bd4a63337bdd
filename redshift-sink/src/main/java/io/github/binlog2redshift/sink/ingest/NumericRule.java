package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import javax.annotation.Nullable;

/**
 * The range of a numeric column on the warehouse, for {@link ColumnRule}: the integer bounds of its
 * target type (SMALLINT, INTEGER, BIGINT, or the 20 digits of BIGINT UNSIGNED's DECIMAL(20,0)), a
 * DECIMAL's precision and scale, and REAL or DOUBLE PRECISION's range. Each check returns null when
 * the value loads as it is, else what is wrong.
 */
final class NumericRule {

    private static final BigInteger TEN_POW_20 = BigInteger.TEN.pow(20);

    private final String targetType;
    private final boolean real;
    private final long minLong;
    private final long maxLong;
    private final int maxIntegerDigits;
    private final int precision;
    private final int scale;

    NumericRule(MySqlType type, String targetType, boolean real, @Nullable String metadataProblem) {
        this.targetType = targetType;
        this.real = real;
        ColumnType target = metadataProblem == null ? ColumnType.parse(targetType) : null;
        int size = target != null && target.size() != null ? target.size() : 8;
        boolean wide = target != null && target.family() == ColumnType.Family.DECIMAL;
        this.minLong = size == 2 ? Short.MIN_VALUE : size == 4 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        this.maxLong = size == 2 ? Short.MAX_VALUE : size == 4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        // BIGINT UNSIGNED is NUMERIC/DECIMAL(20,0): any 20 digits.
        this.maxIntegerDigits = wide ? target.integerDigits() : -1;
        this.precision = type.lengthOr(10);
        this.scale = type.scale() == null ? 0 : type.scale();
    }

    ValueProblem integer(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            long n = ((Number) v).longValue();
            return maxIntegerDigits < 0 && (n < minLong || n > maxLong) ? tooBig(v) : null;
        }
        if (v instanceof BigInteger) {
            BigInteger n = (BigInteger) v;
            if (maxIntegerDigits >= 0) {
                return n.abs().compareTo(TEN_POW_20) < 0 ? null : tooBig(v);
            }
            return n.bitLength() < 64 && n.longValue() >= minLong && n.longValue() <= maxLong
                    ? null
                    : tooBig(v);
        }
        if (v instanceof Boolean) {
            return null; // staged as 1 or 0
        }
        if (v instanceof String) {
            String s = (String) v;
            int digits = ValueText.integerDigits(s);
            if (digits < 0) {
                return ValueProblem.invalid(
                        ValueText.quoted(s) + " is not an integer (a sign and digits only)");
            }
            if (maxIntegerDigits >= 0) {
                return digits <= maxIntegerDigits ? null : tooBig(s);
            }
            if (digits > 19) {
                return tooBig(s);
            }
            try {
                long n = Long.parseLong(s);
                return n < minLong || n > maxLong ? tooBig(s) : null;
            } catch (NumberFormatException e) {
                return tooBig(s); // 19 digits beyond Long's range
            }
        }
        return ValueProblem.invalid(
                ValueText.quoted(String.valueOf(v))
                        + " is not an integer ("
                        + ColumnRule.describe(v)
                        + ")");
    }

    private ValueProblem tooBig(Object v) {
        return ValueProblem.outOfRange(
                ValueText.quoted(String.valueOf(v)) + " is outside the range of " + targetType);
    }

    ValueProblem decimal(Object v) {
        if (v instanceof String) {
            return ValueText.decimal((String) v, precision, scale);
        }
        if (v instanceof Boolean) {
            return null;
        }
        if (v instanceof BigDecimal) {
            // Staged as toPlainString(): the same digits without an exponent.
            return ValueText.decimal(((BigDecimal) v).toPlainString(), precision, scale);
        }
        if (v instanceof Long
                || v instanceof Integer
                || v instanceof BigInteger
                || v instanceof Short
                || v instanceof Byte) {
            return ValueText.decimal(v.toString(), precision, scale);
        }
        return ValueProblem.invalid(
                ValueText.quoted(String.valueOf(v))
                        + " is not a decimal ("
                        + ColumnRule.describe(v)
                        + ")");
    }

    ValueProblem floating(Object v) {
        double d;
        boolean zero;
        if (v instanceof Long || v instanceof Integer || v instanceof Boolean) {
            return null;
        } else if (v instanceof BigDecimal) {
            BigDecimal b = (BigDecimal) v;
            d = b.doubleValue();
            zero = b.signum() == 0;
        } else if (v instanceof BigInteger) {
            d = ((BigInteger) v).doubleValue();
            zero = ((BigInteger) v).signum() == 0;
        } else if (v instanceof Double || v instanceof Float) {
            d = ((Number) v).doubleValue();
            if (Double.isNaN(d)) {
                return ValueProblem.invalid("is NaN, which no MySQL column holds and COPY refuses");
            }
            zero = d == 0;
        } else if (v instanceof String && ValueText.isFloat((String) v)) {
            d = Double.parseDouble((String) v);
            zero = isZero((String) v);
        } else {
            return ValueProblem.invalid(
                    ValueText.quoted(String.valueOf(v))
                            + " is not a number (digits, a point and an exponent; no NaN or"
                            + " Infinity)");
        }
        float f = (float) d;
        boolean infinite = real ? Float.isInfinite(f) : Double.isInfinite(d);
        boolean underflow = !zero && (real ? f == 0 : d == 0);
        if (infinite || underflow) {
            // PostgreSQL refuses both ("is out of range for type real"); COPY overflows.
            return ValueProblem.outOfRange(
                    ValueText.quoted(String.valueOf(v)) + " is outside the range of " + targetType);
        }
        return null;
    }

    private static boolean isZero(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }
}
