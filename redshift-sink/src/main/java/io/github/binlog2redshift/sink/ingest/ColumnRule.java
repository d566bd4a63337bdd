package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import javax.annotation.Nullable;

/**
 * What the values of one column type may be on one warehouse: its target type as the dialect maps
 * it ({@code PostgresTypes}, {@code RedshiftTypes}) and the form of value the staged text of each
 * must have there ({@code StagedValueText}). Built once per distinct MySQL type, length and scale
 * by {@link ColumnRules}; {@link #check} runs per value and builds nothing unless it finds a
 * problem.
 *
 * <p>Values are checked in the form the model gives them (docs/event-format.md): numbers as {@link
 * Long}, {@link BigInteger}, {@link BigDecimal}, booleans, everything else as text.
 */
final class ColumnRule {

    /** The value forms the checks tell apart, one per family of target type. */
    enum Kind {
        INTEGER,
        DECIMAL,
        REAL,
        DOUBLE,
        BOOLEAN,
        DATE,
        DATETIME,
        TIMESTAMP,
        TIME,
        JSON,
        BINARY,
        TEXT
    }

    private static final BigInteger TEN_POW_20 = BigInteger.TEN.pow(20);

    private final Kind kind;
    private final MySqlType type;
    private final String targetType;
    @Nullable private final String metadataProblem;
    private final long maxBytes;
    private final long maxChars;
    private final long minLong;
    private final long maxLong;
    private final int maxIntegerDigits;
    private final int precision;
    private final int scale;
    private final int fractionDigits;

    ColumnRule(
            Kind kind,
            MySqlType type,
            String targetType,
            @Nullable String metadataProblem,
            long maxBytes,
            long maxChars) {
        this.kind = kind;
        this.type = type;
        this.targetType = targetType;
        this.metadataProblem = metadataProblem;
        this.maxBytes = maxBytes;
        this.maxChars = maxChars;
        ColumnType target = metadataProblem == null ? ColumnType.parse(targetType) : null;
        int size = target != null && target.size() != null ? target.size() : 8;
        boolean wide = target != null && target.family() == ColumnType.Family.DECIMAL;
        this.minLong = size == 2 ? Short.MIN_VALUE : size == 4 ? Integer.MIN_VALUE : Long.MIN_VALUE;
        this.maxLong = size == 2 ? Short.MAX_VALUE : size == 4 ? Integer.MAX_VALUE : Long.MAX_VALUE;
        // BIGINT UNSIGNED is NUMERIC/DECIMAL(20,0): any 20 digits.
        this.maxIntegerDigits = wide ? target.integerDigits() : -1;
        this.precision = type.lengthOr(10);
        this.scale = type.scale() == null ? 0 : type.scale();
        this.fractionDigits = Math.min(type.lengthOr(0), 6);
    }

    Kind kind() {
        return kind;
    }

    MySqlType type() {
        return type;
    }

    /** DATE, DATETIME or TIMESTAMP: values are text, and the zero date is staged as NULL. */
    boolean isTemporal() {
        return kind == Kind.DATE || kind == Kind.DATETIME || kind == Kind.TIMESTAMP;
    }

    /** The warehouse type the column gets, for details. */
    String targetType() {
        return targetType;
    }

    /**
     * Why the column's metadata describes no warehouse column ({@code invalid_column}), or null.
     */
    @Nullable
    String metadataProblem() {
        return metadataProblem;
    }

    /** The most UTF-8 bytes (text) or decoded bytes (binary) a value may have. */
    long maxBytes() {
        return maxBytes;
    }

    /** The most characters a text value may have (PostgreSQL VARCHAR(n)). */
    long maxChars() {
        return maxChars;
    }

    /**
     * Null when {@code v} (not null) loads into the target column as it is staged; else what is
     * wrong, with its reason. Sizes are {@link ValueGuard}'s business; text is scanned for NUL and
     * lone surrogates there too, before this.
     */
    @Nullable
    ValueProblem check(Object v) {
        switch (kind) {
            case INTEGER:
                return integer(v);
            case DECIMAL:
                return decimal(v);
            case REAL:
            case DOUBLE:
                return floating(v);
            case BOOLEAN:
                return bool(v);
            case DATE:
            case DATETIME:
            case TIMESTAMP:
                return temporal(v);
            case TIME:
                return v instanceof String && ValueText.time((String) v)
                        ? null
                        : ValueProblem.invalid(
                                "is not a MySQL TIME ([-]H:MM:SS[.ffffff], at most 838 hours)");
            case JSON:
                return json(v);
            case BINARY:
                return v instanceof String && ValueText.base64Length((String) v) >= 0
                        ? null
                        : ValueProblem.invalid(
                                "is not base64 (the standard alphabet, with its padding), the"
                                        + " form binary values travel in");
            case TEXT:
                return null;
            default:
                throw new IllegalStateException("no check for " + kind);
        }
    }

    private ValueProblem integer(Object v) {
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
                ValueText.quoted(String.valueOf(v)) + " is not an integer (" + describe(v) + ")");
    }

    private ValueProblem tooBig(Object v) {
        return ValueProblem.outOfRange(
                ValueText.quoted(String.valueOf(v)) + " is outside the range of " + targetType);
    }

    private ValueProblem decimal(Object v) {
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
                ValueText.quoted(String.valueOf(v)) + " is not a decimal (" + describe(v) + ")");
    }

    private ValueProblem floating(Object v) {
        boolean real = kind == Kind.REAL;
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

    private static ValueProblem bool(Object v) {
        if (v instanceof Boolean) {
            return null;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof BigInteger) {
            long n = ((Number) v).longValue();
            return (n == 0 || n == 1) && ((Number) v).toString().length() == 1
                    ? null
                    : ValueProblem.invalid(
                            ValueText.quoted(v.toString()) + " is not a BIT(1) value (0 or 1)");
        }
        if (v instanceof String) {
            String s = (String) v;
            if (s.equals("0")
                    || s.equals("1")
                    || s.equalsIgnoreCase("true")
                    || s.equalsIgnoreCase("false")) {
                return null;
            }
        }
        return ValueProblem.invalid(
                ValueText.quoted(String.valueOf(v))
                        + " is not a BIT(1) value (true, false, 0 or 1)");
    }

    private ValueProblem temporal(Object v) {
        if (!(v instanceof String)) {
            return ValueProblem.invalid(
                    "is " + describe(v) + ", not the text of a " + type.base() + " value");
        }
        String s = (String) v;
        if (s.startsWith("0000-00-00")) {
            return null; // MySQL's zero date, staged as NULL
        }
        String date = ValueText.date(s);
        if (date != null) {
            return ValueProblem.invalid(
                    date.startsWith("is not") ? ValueText.quoted(s) + " " + date : date);
        }
        if (kind == Kind.DATE) {
            return s.length() == 10
                    ? null
                    : ValueProblem.invalid(ValueText.quoted(s) + " is not a date (YYYY-MM-DD)");
        }
        boolean separator = s.length() > 10 && (s.charAt(10) == ' ' || s.charAt(10) == 'T');
        int end = separator ? ValueText.timeOfDay(s, 11, fractionDigits) : -1;
        boolean ok =
                end == s.length()
                        || (end > 0 && kind == Kind.TIMESTAMP && ValueText.offset(s, end));
        if (ok) {
            return null;
        }
        return ValueProblem.invalid(
                ValueText.quoted(s)
                        + " is not a "
                        + type.base()
                        + "("
                        + fractionDigits
                        + ") value (YYYY-MM-DD HH:MM:SS"
                        + (fractionDigits > 0 ? "[.up to " + fractionDigits + " digits]" : "")
                        + (kind == Kind.TIMESTAMP ? "[Z or +HH:MM]" : "")
                        + ", hours 0-23)");
    }

    private static ValueProblem json(Object v) {
        if (v instanceof String) {
            return JsonSyntax.check((String) v);
        }
        if (v instanceof Long
                || v instanceof Integer
                || v instanceof BigInteger
                || v instanceof BigDecimal) {
            return null; // a JSON number
        }
        return ValueProblem.invalid("is " + describe(v) + ", not JSON text");
    }

    private static String describe(Object v) {
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
