package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;

/**
 * One column of a captured table as Debezium describes it, with the conversion of its values into
 * the lossless forms of {@code docs/event-format.md}.
 *
 * <p>The MySQL type, length and scale come from Debezium's column type propagation ({@code
 * column.propagate.source.type=.*}), which adds them as parameters to every field schema; ENUM and
 * SET members come from the {@code allowed} parameter.
 *
 * <p>MySQL's zero date: see {@link NotNullDateConverter} and {@link TemporalText#zero}.
 */
final class SourceColumn {

    static final String TYPE_PARAM = "__debezium.source.column.type";
    static final String LENGTH_PARAM = "__debezium.source.column.length";
    static final String SCALE_PARAM = "__debezium.source.column.scale";
    static final String ALLOWED_PARAM = "allowed";
    private static final Set<String> TEMPORAL = Set.of("DATE", "DATETIME", "TIMESTAMP");

    private final Field field;
    private final ColumnDef def;
    private final ValueConverter converter;
    @Nullable private final String zeroDate;
    private final boolean zeroDateForNull;

    private SourceColumn(
            Field field,
            ColumnDef def,
            ValueConverter converter,
            @Nullable String zeroDate,
            boolean zeroDateForNull) {
        this.field = field;
        this.def = def;
        this.converter = converter;
        this.zeroDate = zeroDate;
        this.zeroDateForNull = zeroDateForNull;
    }

    static SourceColumn of(Field field) {
        Schema schema = field.schema();
        Map<String, String> params = schema.parameters() == null ? Map.of() : schema.parameters();
        String type = params.get(TYPE_PARAM);
        if (type == null) {
            // Without type propagation only the Connect type is known; keep it visible.
            type = schema.type().getName().toUpperCase(Locale.ROOT);
        }
        type = type.toUpperCase(Locale.ROOT);
        List<String> members = null;
        if ((type.equals("ENUM") || type.equals("SET")) && params.containsKey(ALLOWED_PARAM)) {
            members = Arrays.asList(params.get(ALLOWED_PARAM).split(",", -1));
        }
        // NotNullDateConverter makes a NOT NULL temporal field optional so that the zero date
        // arrives as null; the column is still NOT NULL.
        boolean zeroDateAsNull = "true".equals(params.get(NotNullDateConverter.NOT_NULL_PARAM));
        ColumnDef def =
                new ColumnDef(
                        field.name(),
                        type,
                        intParam(params, LENGTH_PARAM),
                        intParam(params, SCALE_PARAM),
                        schema.isOptional() && !zeroDateAsNull,
                        members);
        boolean temporal = TEMPORAL.contains(type);
        return new SourceColumn(
                field,
                def,
                ValueConverter.forColumn(schema, def),
                temporal ? TemporalText.zero(def) : null,
                zeroDateAsNull && temporal);
    }

    Field field() {
        return field;
    }

    ColumnDef def() {
        return def;
    }

    String name() {
        return def.name();
    }

    /**
     * The value in its lossless form; a NOT NULL temporal column's missing value is MySQL's zero
     * date (or a date with a zero part, which Debezium cannot tell from it), as its text.
     */
    @Nullable
    Object convert(@Nullable Object raw) {
        if (raw == null) {
            return zeroDateForNull ? zeroDate : null;
        }
        return converter.convert(raw);
    }

    /** Whether {@code value} is MySQL's zero date of this (temporal) column. */
    boolean isZeroDate(@Nullable Object value) {
        return zeroDate != null && zeroDate.equals(value);
    }

    @Nullable
    private static Integer intParam(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null ? null : Integer.valueOf(v);
    }
}
