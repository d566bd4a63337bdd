package io.github.binlog2redshift.verify.canon;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The canonical text of one value, the same for a MySQL value and its warehouse copy when they mean
 * the same thing. Inputs are the drivers' text forms (never {@code java.sql.Timestamp}, which would
 * shift by the JVM's zone); both sessions run in UTC. A value that does not parse as its kind is
 * kept as it is, so it compares unequal instead of failing the run. {@code null} stays {@code
 * null}: NULL and the empty string are different values; the zero date is {@code null}, as the sink
 * writes it.
 */
public final class CanonicalValues {

    private static final Pattern DATETIME =
            Pattern.compile(
                    "(-?\\d{4,}-\\d{2}-\\d{2})[ T](\\d{1,2}:\\d{2}:\\d{2})(?:\\.(\\d{1,9}))?"
                            + "\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    private static final Pattern DATE = Pattern.compile("-?\\d{4,}-\\d{2}-\\d{2}");
    private static final Pattern YEAR_AS_DATE = Pattern.compile("(\\d{4})-01-01");

    /**
     * MySQL's zero date, its "no date": the sink writes NULL for it (docs/tables.md), and Debezium
     * does the same for a nullable column.
     */
    private static final Pattern ZERO_DATE =
            Pattern.compile("0000-00-00(?:[ T]00:00:00(?:\\.0+)?)?");

    private static final Pattern TIME =
            Pattern.compile("(-?)(\\d{1,3}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?");

    private CanonicalValues() {}

    /** Canonical text of a value that a driver returned as text. */
    public static String ofText(ValueKind kind, int scale, String text) {
        if (text == null) {
            return null;
        }
        return switch (kind) {
            case INTEGER, BOOLEAN, BIT -> integer(text);
            case YEAR -> year(text);
            case DECIMAL -> decimal(text, scale);
            case FLOAT -> floating(text, true);
            case DOUBLE -> floating(text, false);
            case DATE -> ZERO_DATE.matcher(text.trim()).matches() ? null : date(text);
            case TIME -> time(text);
            case DATETIME -> ZERO_DATE.matcher(text.trim()).matches() ? null : dateTime(text);
            case CHAR -> stripTrailingSpaces(text);
            case JSON -> JsonCanonical.of(text);
            case BINARY -> text;
            case TEXT, OTHER -> text;
        };
    }

    /** Canonical text of bytes: lower-case hex, or the unsigned number for BIT and BIT(1). */
    public static String ofBytes(ValueKind kind, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (kind == ValueKind.BIT || kind == ValueKind.BOOLEAN) {
            return new BigInteger(1, bytes).toString();
        }
        return HexFormat.of().formatHex(bytes);
    }

    static String integer(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        // a BOOLEAN target column holding TINYINT(1) or BIT(1): PostgreSQL prints t/f
        if (t.equals("t") || t.equals("true")) {
            return "1";
        }
        if (t.equals("f") || t.equals("false")) {
            return "0";
        }
        try {
            return new BigDecimal(t).toBigIntegerExact().toString();
        } catch (ArithmeticException | NumberFormatException e) {
            return text;
        }
    }

    /** A YEAR read as a number ({@code 1901}) or as Connector/J's date ({@code 1901-01-01}). */
    static String year(String text) {
        Matcher m = YEAR_AS_DATE.matcher(text.trim());
        return integer(m.matches() ? m.group(1) : text);
    }

    static String decimal(String text, int scale) {
        try {
            return new BigDecimal(text.trim())
                    .setScale(scale, RoundingMode.UNNECESSARY)
                    .toPlainString();
        } catch (ArithmeticException | NumberFormatException e) {
            // more fraction digits than the source scale allows: a real difference, keep it visible
            return text;
        }
    }

    static String floating(String text, boolean single) {
        try {
            double d = Double.parseDouble(text.trim());
            return single ? Float.toString((float) d) : Double.toString(d);
        } catch (NumberFormatException e) {
            return text;
        }
    }

    static String date(String text) {
        String t = text.trim();
        if (DATE.matcher(t).matches()) {
            return t;
        }
        // a DATE kept in a TIMESTAMP column reads back with a midnight time
        String dt = dateTime(t);
        if (dt.endsWith(" 00:00:00.000000")) {
            return dt.substring(0, dt.length() - " 00:00:00.000000".length());
        }
        return text;
    }

    static String time(String text) {
        Matcher m = TIME.matcher(text.trim());
        if (!m.matches()) {
            return text;
        }
        String hours = m.group(2).length() == 1 ? "0" + m.group(2) : m.group(2);
        return m.group(1) + hours + ":" + m.group(3) + ":" + m.group(4) + "." + micros(m.group(5));
    }

    static String dateTime(String text) {
        Matcher m = DATETIME.matcher(text.trim());
        if (!m.matches()) {
            return text;
        }
        String date = m.group(1);
        String time = m.group(2).length() == 7 ? "0" + m.group(2) : m.group(2);
        String fraction = micros(m.group(3));
        String zone = m.group(4);
        if (zone == null || zone.equals("Z") || zone.matches("[+-]00(:?00)?")) {
            return date + " " + time + "." + fraction;
        }
        try {
            // a TIMESTAMPTZ printed in another zone: bring it to UTC, the zone both sessions use
            LocalDateTime local = LocalDateTime.parse(date + "T" + time + "." + fraction);
            ZoneOffset offset = ZoneOffset.of(zone.length() == 3 ? zone + ":00" : zone);
            LocalDateTime utc =
                    local.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            return dateTime(utc.toString());
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** Fraction digits as exactly six (microseconds, the precision of both databases). */
    private static String micros(String fraction) {
        String f = fraction == null ? "" : fraction;
        if (f.length() > 6) {
            String rest = f.substring(6);
            return rest.chars().allMatch(c -> c == '0') ? f.substring(0, 6) : f;
        }
        return f + "000000".substring(f.length());
    }

    private static String stripTrailingSpaces(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}
