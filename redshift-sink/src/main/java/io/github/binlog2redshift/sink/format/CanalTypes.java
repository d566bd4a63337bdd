package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canal's {@code mysqlType} map (column name to declared type text such as {@code int(11)
 * unsigned}, {@code decimal(10,2)}, {@code enum('a','b')}) as {@link ColumnDef}s, and the
 * conversion of Canal's all-text values back to the value forms of {@code docs/event-format.md} for
 * integer and floating-point columns, and of binary ones (Canal's ISO-8859-1 text of the bytes,
 * BIT(n) as a number) to base64. Other values stay text: DECIMAL and temporal text already is the
 * documented form (Canal writes TIMESTAMP in the server's zone, not UTC).
 */
final class CanalTypes {

    private static final Pattern DECLARED =
            Pattern.compile(
                    "\\s*([a-zA-Z ]+?)\\s*(?:\\((.*)\\))?\\s*(unsigned)?\\s*(zerofill)?\\s*");

    private final Map<String, ColumnDef> columns;

    private CanalTypes(Map<String, ColumnDef> columns) {
        this.columns = columns;
    }

    static CanalTypes of(JsonNode mysqlType) {
        Map<String, ColumnDef> columns = new LinkedHashMap<>();
        mysqlType
                .fields()
                .forEachRemaining(
                        f -> columns.put(f.getKey(), column(f.getKey(), f.getValue().asText())));
        return new CanalTypes(columns);
    }

    List<ColumnDef> columns() {
        return new ArrayList<>(columns.values());
    }

    static ColumnDef column(String name, String declared) {
        Matcher m = DECLARED.matcher(declared);
        if (!m.matches()) {
            return new ColumnDef(name, declared.toUpperCase(Locale.ROOT), null, null, true, null);
        }
        String base = m.group(1).trim().toUpperCase(Locale.ROOT);
        String args = m.group(2);
        String type = m.group(3) != null ? base + " UNSIGNED" : base;
        if ((base.equals("ENUM") || base.equals("SET")) && args != null) {
            List<String> values = new ArrayList<>();
            Matcher v = Pattern.compile("'((?:[^']|'')*)'").matcher(args);
            while (v.find()) {
                values.add(v.group(1).replace("''", "'"));
            }
            return new ColumnDef(name, type, null, null, true, values);
        }
        Integer length = null;
        Integer scale = null;
        if (args != null && !args.isBlank()) {
            String[] parts = args.split(",");
            try {
                length = Integer.valueOf(parts[0].trim());
                scale = parts.length > 1 ? Integer.valueOf(parts[1].trim()) : null;
            } catch (NumberFormatException e) {
                throw new RejectedRecordException(
                        RejectReason.INVALID_COLUMN,
                        "column '"
                                + name
                                + "' has the mysqlType '"
                                + declared
                                + "', whose length is not a number",
                        e);
            }
        }
        return new ColumnDef(name, type, length, scale, true, null);
    }

    Map<String, Object> convert(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>(row);
        out.replaceAll((column, value) -> convert(column, value));
        return out;
    }

    private Object convert(String column, Object value) {
        ColumnDef def = columns.get(column);
        if (!(value instanceof String) || def == null) {
            return value;
        }
        String text = (String) value;
        MySqlType t = MySqlType.of(def);
        if (t.isBinary()) {
            return t.base().equals("BIT") ? bits(column, def, text) : bytes(column, def, text);
        }
        String base = def.type().replace(" UNSIGNED", "");
        try {
            switch (base) {
                case "TINYINT":
                case "SMALLINT":
                case "MEDIUMINT":
                case "INT":
                case "INTEGER":
                case "BIGINT":
                case "YEAR":
                    BigInteger n = new BigInteger(text.trim());
                    return n.bitLength() < 64 ? (Object) n.longValue() : n;
                case "FLOAT":
                case "DOUBLE":
                case "REAL":
                    return new BigDecimal(text.trim());
                default:
                    return text;
            }
        } catch (NumberFormatException e) {
            throw new RejectedRecordException(
                    RejectReason.INVALID_VALUE,
                    "column '"
                            + column
                            + "' ("
                            + def.type()
                            + "): the value '"
                            + shortText(text)
                            + "' is not a number",
                    e);
        }
    }

    /**
     * Canal writes binary values (BINARY, VARBINARY, BLOB family, spatial) as the string whose
     * characters are the bytes ({@code new String(bytes, ISO_8859_1)} in Canal's {@code
     * LogEventConvert}); the model's form is base64.
     */
    private static String bytes(String column, ColumnDef def, String text) {
        byte[] out = new byte[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            if (c > 0xFF) {
                throw new RejectedRecordException(
                        RejectReason.INVALID_VALUE,
                        "column '"
                                + column
                                + "' ("
                                + def.type()
                                + "): the value has the character U+"
                                + Integer.toHexString(c).toUpperCase(Locale.ROOT)
                                + " at "
                                + i
                                + ", so it is not Canal's ISO-8859-1 form of bytes");
            }
            out[i] = (byte) c;
        }
        return Base64.getEncoder().encodeToString(out);
    }

    /**
     * Canal writes BIT(n) values as their number ({@code String.valueOf} of the binlog's long); the
     * model's form is the base64 of the value's (n+7)/8 big-endian bytes, as MySQL stores it.
     */
    private static String bits(String column, ColumnDef def, String text) {
        int n = def.length() == null ? 1 : def.length();
        BigInteger v;
        try {
            v = new BigInteger(text.trim());
        } catch (NumberFormatException e) {
            throw new RejectedRecordException(
                    RejectReason.INVALID_VALUE,
                    "column '"
                            + column
                            + "' (BIT("
                            + n
                            + ")): the value '"
                            + shortText(text)
                            + "' is not a number",
                    e);
        }
        if (v.signum() < 0 || v.bitLength() > n) {
            throw new RejectedRecordException(
                    RejectReason.OUT_OF_RANGE,
                    "column '"
                            + column
                            + "' (BIT("
                            + n
                            + ")): the value "
                            + shortText(text)
                            + " does not fit in "
                            + n
                            + " bits");
        }
        byte[] raw = v.toByteArray();
        byte[] out = new byte[(n + 7) / 8];
        int copy = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
        return Base64.getEncoder().encodeToString(out);
    }

    private static String shortText(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
