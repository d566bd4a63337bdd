package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.TargetColumn;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one CSV field into the text PostgreSQL loads, or refuses it as Redshift's COPY would: NULL
 * AS, EMPTYASNULL and BLANKSASNULL first, then the target type's rules. Each refusal carries the
 * error code of Redshift's Load error reference. Sources per rule: docs/local-redshift.md.
 */
final class FieldConverter {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern HEX = Pattern.compile("([0-9a-fA-F]{2})*");
    // The literals of the Boolean type page.
    private static final Set<String> TRUE = Set.of("TRUE", "t", "true", "y", "yes", "1");
    private static final Set<String> FALSE = Set.of("FALSE", "f", "false", "n", "no", "0");

    private final CopyOptions options;

    FieldConverter(CopyOptions options) {
        this.options = options;
    }

    /** The PostgreSQL CSV text of the field, or null for SQL NULL. */
    String convert(TargetColumn column, ColumnType type, byte[] bytes) throws FieldRejected {
        if (indexOf(bytes, (byte) 0) >= 0) {
            if (options.nullAs().equals("\0")) {
                if (bytes.length == 1) {
                    return notNull(column, null);
                }
                throw new FieldRejected(
                        1218,
                        "A field containing NUL must be exactly one byte"
                                + " when NULL AS '\\0' is used");
            }
            throw new FieldRejected(1220, "String contains a NUL (0x00) character");
        }
        String text = decode(bytes, type);
        if (text.equals(options.nullAs())) {
            return notNull(column, null);
        }
        if (type.isCharacter()) {
            if ((options.emptyAsNull() && text.isEmpty())
                    || (options.blanksAsNull() && !text.isEmpty() && text.isBlank())) {
                return notNull(column, null);
            }
        } else if (text.isBlank()) {
            // "Empty fields for other data types, such as INT, are always loaded with NULL."
            return notNull(column, null);
        }
        return notNull(column, typed(column, type, text));
    }

    private String typed(TargetColumn column, ColumnType type, String text) throws FieldRejected {
        return switch (type) {
            case SMALLINT -> integer(text, Short.MIN_VALUE, Short.MAX_VALUE, "Short Integer");
            case INTEGER -> integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE, "Integer");
            case BIGINT -> integer(text, Long.MIN_VALUE, Long.MAX_VALUE, "Long Integer");
            case DECIMAL -> decimal(text, column.precision(), column.scale());
            case REAL, DOUBLE -> floating(text, type == ColumnType.REAL);
            case BOOLEAN -> {
                if (TRUE.contains(text)) {
                    yield "t";
                } else if (FALSE.contains(text)) {
                    yield "f";
                }
                throw new FieldRejected(1210, "Invalid boolean value '" + text + "'");
            }
            case CHAR -> characters(text, column.length(), true);
            case VARCHAR -> characters(text, column.length(), false);
            case DATE -> DateTimeText.date(text, options.dateFormat());
            case TIMESTAMP -> DateTimeText.timestamp(text, options.timeFormat(), false);
            case TIMESTAMPTZ -> DateTimeText.timestamp(text, options.timeFormat(), true);
            case TIME -> DateTimeText.time(text, false);
            case TIMETZ -> DateTimeText.time(text, true);
            case SUPER -> {
                try {
                    JsonText.parse(text);
                } catch (IllegalArgumentException e) {
                    throw new FieldRejected(1224, "Invalid JSON for SUPER: " + e.getMessage());
                }
                yield text;
            }
            case VARBYTE -> {
                if (!HEX.matcher(text).matches()) {
                    throw new FieldRejected(1219, "Invalid hexadecimal VARBYTE value");
                }
                if (column.length() >= 0 && text.length() / 2 > column.length()) {
                    throw new FieldRejected(1204, "VARBYTE length exceeds DDL length");
                }
                yield "\\x" + text;
            }
        };
    }

    private static String integer(String text, long min, long max, String name)
            throws FieldRejected {
        if (!INTEGER.matcher(text).matches()) {
            throw invalidDigit(text, name);
        }
        BigInteger v = new BigInteger(text);
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new FieldRejected(
                    1222,
                    "Overflow, " + text + " (" + name + " valid range " + min + " to " + max + ")");
        }
        return v.toString();
    }

    private static String decimal(String text, int precision, int scale) throws FieldRejected {
        if (!DECIMAL.matcher(text).matches()) {
            if (text.chars().allMatch(c -> Character.isDigit(c) || "+-.".indexOf(c) >= 0)) {
                throw new FieldRejected(1209, "Invalid DECIMAL format, value '" + text + "'");
            }
            throw invalidDigit(text, "Numeric");
        }
        // COPY truncates extra fractional digits unless ROUNDEC (Data conversion parameters).
        BigDecimal v = new BigDecimal(text).setScale(scale, RoundingMode.DOWN);
        if (v.precision() - v.scale() > precision - scale && v.signum() != 0) {
            throw new FieldRejected(
                    1204,
                    "Numeric data overflow (result precision), value '"
                            + text
                            + "' for DECIMAL("
                            + precision
                            + ","
                            + scale
                            + ")");
        }
        return v.toPlainString();
    }

    private static String floating(String text, boolean real) throws FieldRejected {
        if (!FLOAT.matcher(text).matches()) {
            throw new FieldRejected(1208, "Invalid float format, value '" + text + "'");
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v) || (real && Float.isInfinite((float) v))) {
            throw new FieldRejected(
                    1204,
                    "Overflow for "
                            + (real ? "REAL" : "DOUBLE PRECISION")
                            + ", value '"
                            + text
                            + "'");
        }
        return text;
    }

    private String characters(String text, int length, boolean fixed) throws FieldRejected {
        if (fixed && !text.chars().allMatch(c -> c < 128)) {
            throw new FieldRejected(
                    1220, "Multibyte character not supported for CHAR (Hint: try using VARCHAR)");
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (length < 0 || utf8.length <= length) {
            return text;
        }
        if (!options.truncateColumns()) {
            throw new FieldRejected(
                    1204, (fixed ? "Char" : "String") + " length exceeds DDL length");
        }
        int end = length;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--; // never cut inside a character
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    private String decode(byte[] bytes, ColumnType type) throws FieldRejected {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            if (options.acceptInvChars() != null && type == ColumnType.VARCHAR) {
                // "replaces each invalid UTF-8 character with a string of equal length"
                return replaceInvalid(bytes, options.acceptInvChars());
            }
            throw new FieldRejected(1220, "String contains invalid or unsupported UTF8 codepoints");
        }
    }

    /** Each byte that is not part of a valid sequence becomes one replacement character. */
    private static String replaceInvalid(byte[] bytes, char replacement) {
        StringBuilder s = new StringBuilder();
        int i = 0;
        while (i < bytes.length) {
            int len = sequenceLength(bytes, i);
            if (len > 0) {
                s.append(new String(bytes, i, len, StandardCharsets.UTF_8));
                i += len;
            } else {
                s.append(replacement);
                i++;
            }
        }
        return s.toString();
    }

    private static int sequenceLength(byte[] b, int i) {
        for (int len = 1; len <= 4 && i + len <= b.length; len++) {
            try {
                StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b, i, len));
                return len;
            } catch (CharacterCodingException e) {
                // try a longer sequence
            }
        }
        return 0;
    }

    private static String notNull(TargetColumn column, String value) throws FieldRejected {
        if (value == null && !column.nullable()) {
            throw new FieldRejected(1213, "Missing data for not-null field");
        }
        return value;
    }

    private static FieldRejected invalidDigit(String text, String type) {
        int pos = 0;
        while (pos < text.length()
                && (Character.isDigit(text.charAt(pos))
                        || (pos == 0 && "+-".indexOf(text.charAt(0)) >= 0)
                        || text.charAt(pos) == '.')) {
            pos++;
        }
        return new FieldRejected(
                1207,
                "Invalid digit, Value '"
                        + (pos < text.length() ? text.charAt(pos) : ' ')
                        + "', Pos "
                        + pos
                        + ", Type: "
                        + type);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
