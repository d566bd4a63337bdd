package io.github.binlog2redshift.sink.ingest;

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

    private final Kind kind;
    private final MySqlType type;
    private final String targetType;
    @Nullable private final String metadataProblem;
    private final long maxBytes;
    private final long maxChars;
    private final int fractionDigits;
    private final NumericRule numbers;

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
        this.numbers = new NumericRule(type, targetType, kind == Kind.REAL, metadataProblem);
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
                return numbers.integer(v);
            case DECIMAL:
                return numbers.decimal(v);
            case REAL:
            case DOUBLE:
                return numbers.floating(v);
            case BOOLEAN:
                return bool(v);
            case DATE:
            case DATETIME:
            case TIMESTAMP:
                return temporal(v);
            case TIME:
                return v instanceof String && TemporalText.time((String) v)
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
        String date = TemporalText.date(s);
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
        int end = separator ? TemporalText.timeOfDay(s, 11, fractionDigits) : -1;
        boolean ok =
                end == s.length()
                        || (end > 0 && kind == Kind.TIMESTAMP && TemporalText.offset(s, end));
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

    /** The form of a value that is not text, for details. */
    static String describe(Object v) {
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof Number) {
            return "a number";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
