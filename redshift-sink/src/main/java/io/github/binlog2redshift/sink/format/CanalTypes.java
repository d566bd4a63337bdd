package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
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
 * integer and floating-point columns. Other values stay text: DECIMAL and temporal text already is
 * the documented form (Canal writes TIMESTAMP in the server's zone, not UTC).
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
            length = Integer.valueOf(parts[0].trim());
            scale = parts.length > 1 ? Integer.valueOf(parts[1].trim()) : null;
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
                    RejectReason.MALFORMED,
                    "column " + column + " of type " + def.type() + " holds '" + text + "'",
                    e);
        }
    }
}
