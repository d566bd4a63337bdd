package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The text a change-event value is staged as, so that the warehouse's CSV load reads it back
 * exactly. Most values are staged as they travel ({@code docs/event-format.md}); the exceptions:
 *
 * <ul>
 *   <li>binary values (BINARY, BLOB family, BIT(n&gt;1), spatial) travel as base64 and are staged
 *       as hex, the only text form Redshift's COPY reads into VARBYTE; PostgreSQL reads BYTEA hex
 *       with a {@code \x} prefix, given by {@code binaryPrefix};
 *   <li>TIMESTAMP values ({@code 2024-01-31T12:34:56.123Z}) become {@code 2024-01-31
 *       12:34:56.123+00}, which both warehouses read as a UTC instant;
 *   <li>MySQL's zero dates ({@code 0000-00-00...}) are not dates in either warehouse and are staged
 *       as NULL (documented in {@code docs/apply.md});
 *   <li>booleans become {@code true}/{@code false} for BIT(1) and {@code 1}/{@code 0} otherwise.
 * </ul>
 */
public final class StagedValueText {

    private static final HexFormat HEX = HexFormat.of();

    private StagedValueText() {}

    /** The staged text of {@code value} in {@code column}, or null for SQL NULL. */
    public static String of(ColumnDef column, Object value, String binaryPrefix) {
        if (value == null) {
            return null;
        }
        MySqlType t = MySqlType.of(column);
        if (t.isSingleBit()) {
            return Boolean.toString(truthy(value));
        }
        if (t.isBinary()) {
            byte[] bytes =
                    value instanceof byte[] b ? b : Base64.getDecoder().decode(value.toString());
            return binaryPrefix + HEX.formatHex(bytes);
        }
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        String text = value.toString();
        switch (t.base()) {
            case "DATE", "DATETIME" -> {
                return text.startsWith("0000-00-00") ? null : text;
            }
            case "TIMESTAMP" -> {
                if (text.startsWith("0000-00-00")) {
                    return null;
                }
                String s = text.replace('T', ' ');
                return s.endsWith("Z") ? s.substring(0, s.length() - 1) + "+00" : s;
            }
            default -> {
                return text;
            }
        }
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.longValue() != 0;
        }
        String s = value.toString();
        return !(s.equals("0") || s.equalsIgnoreCase("false") || s.isEmpty());
    }
}
