package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import java.util.Base64;
import javax.annotation.Nullable;

/**
 * The text a change-event value is staged as, so that the warehouse's CSV load reads it back
 * exactly. Most values are staged as they travel ({@code docs/event-format.md}); the exceptions:
 *
 * <ul>
 *   <li>binary values (BINARY, BLOB family, BIT(n&gt;1), spatial) travel as base64 and are staged
 *       as hex after {@code binaryPrefix}: for Redshift, whose COPY reads VARBYTE only as hex, the
 *       marker byte {@code 00} (so an empty value is not an empty field, which COPY loads as NULL;
 *       see {@code BinaryMarker}); for PostgreSQL, which reads BYTEA hex, {@code \x};
 *   <li>TIMESTAMP values ({@code 2024-01-31T12:34:56.123Z}) become {@code 2024-01-31
 *       12:34:56.123+00}, which both warehouses read as a UTC instant;
 *   <li>MySQL's zero dates ({@code 0000-00-00...}) are not dates in either warehouse and are staged
 *       as NULL (documented in {@code docs/apply.md});
 *   <li>booleans become {@code true}/{@code false} for BIT(1) and {@code 1}/{@code 0} otherwise;
 *   <li>a DECIMAL value read as a JSON number is written without an exponent.
 * </ul>
 *
 * <p>Never fails on a value {@code ingest.ValueGuard} let through: it checks each value against
 * exactly these forms (base64 that decodes, for instance) before the change is staged.
 */
public final class StagedValueText {

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private StagedValueText() {}

    /** The staged text of {@code value} in {@code column}, or null for SQL NULL. */
    @Nullable
    public static String of(ColumnDef column, @Nullable Object value, String binaryPrefix) {
        if (value == null) {
            return null;
        }
        MySqlType t = MySqlType.of(column);
        if (t.isSingleBit()) {
            return Boolean.toString(truthy(value));
        }
        if (t.isBinary()) {
            byte[] bytes =
                    value instanceof byte[]
                            ? (byte[]) value
                            : Base64.getDecoder().decode(value.toString());
            return binaryPrefix + hex(bytes);
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "1" : "0";
        }
        if (value instanceof java.math.BigDecimal && t.base().equals("DECIMAL")) {
            // 1E+3 is a decimal to PostgreSQL but not to COPY, which reads no exponent.
            return ((java.math.BigDecimal) value).toPlainString();
        }
        String text = value.toString();
        switch (t.base()) {
            case "DATE":
            case "DATETIME":
                return text.startsWith("0000-00-00") ? null : text;
            case "TIMESTAMP":
                if (text.startsWith("0000-00-00")) {
                    return null;
                }
                String s = text.replace('T', ' ');
                return s.endsWith("Z") ? s.substring(0, s.length() - 1) + "+00" : s;
            default:
                return text;
        }
    }

    /** Lower-case hex, two digits per byte, as {@code HexFormat.of().formatHex} writes it. */
    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            out[2 * i] = HEX_DIGITS[b >>> 4];
            out[2 * i + 1] = HEX_DIGITS[b & 0x0f];
        }
        return new String(out);
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof Number) {
            return ((Number) value).longValue() != 0;
        }
        String s = value.toString();
        return !(s.equals("0") || s.equalsIgnoreCase("false") || s.isEmpty());
    }
}
