package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonParser.NumberType;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.Nullable;

/**
 * Values read from a parser positioned on them, for {@link PayloadReader}: each in the form the
 * tree path gives it ({@link DebeziumJsonReader#value}, {@link DebeziumJsonReader#read}), or null
 * where that path would read something this one does not take.
 */
final class RowValues {

    private RowValues() {}

    /**
     * A row image's value in the model's exact form: text, boolean, {@link Long} or {@link
     * java.math.BigInteger}, {@link java.math.BigDecimal} as written, null; a nested structure as
     * the JSON text of its tree.
     */
    @Nullable
    static Object value(JsonToken token, JsonParser p) throws IOException {
        switch (token) {
            case VALUE_NULL:
                return null;
            case VALUE_STRING:
                return p.getText();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NUMBER_INT:
                return p.getNumberType() == NumberType.BIG_INTEGER
                        ? p.getBigIntegerValue()
                        : (Object) p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDecimalValue();
            default:
                return DebeziumJsonReader.value(JsonRows.readValue(p));
        }
    }

    /** An array of text; null when it is anything else. */
    @Nullable
    static List<String> strings(JsonToken token, JsonParser p) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> out = new ArrayList<>(2);
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
            out.add(p.getText());
        }
        return t == JsonToken.END_ARRAY ? out : null;
    }

    /**
     * One entry of the {@code columns} extension, the parser on its START_OBJECT: name and type as
     * text, length and scale as integers or null, nullable as a boolean, enum values as text; each
     * once. Null when it is off that shape.
     */
    @Nullable
    static ColumnDef column(JsonParser p) throws IOException {
        String name = null;
        String type = null;
        Integer length = null;
        Integer scale = null;
        boolean nullable = true;
        List<String> enumValues = null;
        SeenFields seen = new SeenFields();
        String field;
        while ((field = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            boolean taken;
            switch (field) {
                case "name":
                    name = text(t, p);
                    taken = name != null && seen.first(1);
                    break;
                case "type":
                    type = text(t, p);
                    taken = type != null && seen.first(2);
                    break;
                case "length":
                    taken = isIntOrNull(t, p) && seen.first(4);
                    length = taken ? intOrNull(t, p) : null;
                    break;
                case "scale":
                    taken = isIntOrNull(t, p) && seen.first(8);
                    scale = taken ? intOrNull(t, p) : null;
                    break;
                case "nullable":
                    nullable = t == JsonToken.VALUE_TRUE;
                    taken = t.isBoolean() && seen.first(16);
                    break;
                case "enum_values":
                    // The tree path reads a null list as an empty one.
                    enumValues = t == JsonToken.VALUE_NULL ? new ArrayList<>() : strings(t, p);
                    taken = enumValues != null && seen.first(32);
                    break;
                default:
                    p.skipChildren();
                    taken = true;
            }
            if (!taken) {
                return null;
            }
        }
        return name == null || type == null
                ? null
                : new ColumnDef(name, type, length, scale, nullable, enumValues);
    }

    /** Text, or null for JSON null and for any other type (the caller tells them apart). */
    @Nullable
    static String text(JsonToken token, JsonParser p) throws IOException {
        return token == JsonToken.VALUE_STRING ? p.getText() : null;
    }

    /**
     * A non-negative integer that fits a long, 0 for null; -1 for anything else (negative numbers
     * included: the tree path takes them, but they are not the usual shape).
     */
    static long longOrZero(JsonToken token, JsonParser p) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return 0;
        }
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == NumberType.BIG_INTEGER) {
            return -1;
        }
        return p.getLongValue();
    }

    /** As {@link #longOrZero}, for an integer that fits an int. */
    static long intOrZero(JsonToken token, JsonParser p) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != NumberType.INT) {
            return -1;
        }
        return longOrZero(token, p);
    }

    @Nullable
    private static Integer intOrNull(JsonToken t, JsonParser p) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : p.getIntValue();
    }

    private static boolean isIntOrNull(JsonToken t, JsonParser p) throws IOException {
        return t == JsonToken.VALUE_NULL
                || (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == NumberType.INT);
    }
}
