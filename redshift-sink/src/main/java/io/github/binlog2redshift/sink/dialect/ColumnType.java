package io.github.binlog2redshift.sink.dialect;

import java.util.Locale;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A warehouse column type reduced to what schema evolution compares: a family and its size. Built
 * from the type text a dialect generates ({@link #parse}) or from an {@code information_schema} row
 * ({@link #fromCatalog}), so that "what the table has" and "what the source now needs" compare on
 * the same terms.
 */
public final class ColumnType {

    /** Type families; a change within a family can be a widening, across families it is not. */
    public enum Family {
        INTEGER,
        DECIMAL,
        FLOAT,
        TEXT,
        BOOLEAN,
        DATE,
        TIMESTAMP,
        TIMESTAMPTZ,
        BINARY,
        JSON,
        OTHER
    }

    private final Family family;
    @Nullable private final Integer size;
    @Nullable private final Integer scale;
    private final String text;

    private ColumnType(
            Family family, @Nullable Integer size, @Nullable Integer scale, String text) {
        this.family = Objects.requireNonNull(family, "family");
        this.size = size;
        this.scale = scale;
        this.text = Objects.requireNonNull(text, "text");
    }

    /**
     * Parses type text as the dialects write it, e.g. {@code VARCHAR(40)}, {@code NUMERIC(10,2)}.
     */
    public static ColumnType parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        String base = t;
        Integer a = null;
        Integer b = null;
        int paren = t.indexOf('(');
        if (paren >= 0) {
            base = t.substring(0, paren).trim();
            String[] args = t.substring(paren + 1, t.indexOf(')')).split(",");
            a = Integer.valueOf(args[0].trim());
            b = args.length > 1 ? Integer.valueOf(args[1].trim()) : null;
        }
        switch (base) {
            case "SMALLINT":
            case "INT2":
                return new ColumnType(Family.INTEGER, 2, null, text);
            case "INTEGER":
            case "INT":
            case "INT4":
                return new ColumnType(Family.INTEGER, 4, null, text);
            case "BIGINT":
            case "INT8":
                return new ColumnType(Family.INTEGER, 8, null, text);
            case "DECIMAL":
            case "NUMERIC":
                return new ColumnType(Family.DECIMAL, a == null ? 18 : a, b == null ? 0 : b, text);
            case "REAL":
            case "FLOAT4":
                return new ColumnType(Family.FLOAT, 4, null, text);
            case "DOUBLE PRECISION":
            case "FLOAT8":
            case "FLOAT":
                return new ColumnType(Family.FLOAT, 8, null, text);
            case "VARCHAR":
            case "CHARACTER VARYING":
            case "CHAR":
            case "CHARACTER":
            case "BPCHAR":
                return new ColumnType(Family.TEXT, a, null, text);
            case "TEXT":
                return new ColumnType(Family.TEXT, null, null, text);
            case "BOOLEAN":
            case "BOOL":
                return new ColumnType(Family.BOOLEAN, null, null, text);
            case "DATE":
                return new ColumnType(Family.DATE, null, null, text);
            case "TIMESTAMP":
            case "TIMESTAMP WITHOUT TIME ZONE":
                return new ColumnType(Family.TIMESTAMP, a, null, text);
            case "TIMESTAMPTZ":
            case "TIMESTAMP WITH TIME ZONE":
                return new ColumnType(Family.TIMESTAMPTZ, a, null, text);
            case "VARBYTE":
            case "BINARY VARYING":
            case "VARBINARY":
                return new ColumnType(Family.BINARY, a, null, text);
            case "BYTEA":
                return new ColumnType(Family.BINARY, null, null, text);
            case "SUPER":
            case "JSONB":
            case "JSON":
                return new ColumnType(Family.JSON, null, null, text);
            default:
                return new ColumnType(Family.OTHER, null, null, text);
        }
    }

    /**
     * From {@code information_schema.columns}: {@code data_type}, {@code character_maximum_length},
     * {@code numeric_precision}, {@code numeric_scale}, {@code datetime_precision} (each null where
     * it does not apply).
     */
    public static ColumnType fromCatalog(
            String dataType,
            @Nullable Integer charLength,
            @Nullable Integer precision,
            @Nullable Integer scale,
            @Nullable Integer fsp) {
        String d = dataType.toLowerCase(Locale.ROOT);
        switch (d) {
            case "character varying":
            case "character":
            case "binary varying":
            case "varbyte":
                return parse(d + (charLength == null ? "" : "(" + charLength + ")"));
            case "numeric":
                return precision == null
                        ? new ColumnType(Family.DECIMAL, 1000, 0, "NUMERIC")
                        : parse("NUMERIC(" + precision + "," + (scale == null ? 0 : scale) + ")");
            case "timestamp without time zone":
                return parse("TIMESTAMP" + fractional(fsp));
            case "timestamp with time zone":
                return parse("TIMESTAMPTZ" + fractional(fsp));
            default:
                return parse(d);
        }
    }

    private static String fractional(@Nullable Integer fsp) {
        return fsp == null ? "" : "(" + fsp + ")";
    }

    public Family family() {
        return family;
    }

    /**
     * Bytes for INTEGER/FLOAT, precision for DECIMAL, length for TEXT/BINARY (null: unbounded),
     * fractional digits for TIMESTAMP(TZ) (null: the warehouse default).
     */
    @Nullable
    public Integer size() {
        return size;
    }

    /** DECIMAL scale, else null. */
    @Nullable
    public Integer scale() {
        return scale;
    }

    /** The type as SQL text, as a dialect would write it. */
    public String text() {
        return text;
    }

    /** Decimal digits left of the point this type can hold (integers: their widest value). */
    public int integerDigits() {
        switch (family) {
            case INTEGER:
                return size == 2 ? 5 : size == 4 ? 10 : 19;
            case DECIMAL:
                return size - scale;
            default:
                return 0;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ColumnType)) {
            return false;
        }
        ColumnType other = (ColumnType) o;
        return family == other.family
                && Objects.equals(size, other.size)
                && Objects.equals(scale, other.scale)
                && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, size, scale, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
