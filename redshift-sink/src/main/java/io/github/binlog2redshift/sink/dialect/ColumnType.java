package io.github.binlog2redshift.sink.dialect;

import java.util.Locale;

/**
 * A warehouse column type reduced to what schema evolution compares: a family and its size. Built
 * from the type text a dialect generates ({@link #parse}) or from an {@code information_schema} row
 * ({@link #fromCatalog}), so that "what the table has" and "what the source now needs" compare on
 * the same terms.
 *
 * @param size bytes for INTEGER/FLOAT, precision for DECIMAL, length for TEXT/BINARY (null:
 *     unbounded), fractional digits for TIMESTAMP(TZ) (null: the warehouse default)
 * @param scale DECIMAL scale, else null
 * @param text the type as SQL text, as a dialect would write it
 */
public record ColumnType(Family family, Integer size, Integer scale, String text) {

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
        return switch (base) {
            case "SMALLINT", "INT2" -> new ColumnType(Family.INTEGER, 2, null, text);
            case "INTEGER", "INT", "INT4" -> new ColumnType(Family.INTEGER, 4, null, text);
            case "BIGINT", "INT8" -> new ColumnType(Family.INTEGER, 8, null, text);
            case "DECIMAL", "NUMERIC" ->
                    new ColumnType(Family.DECIMAL, a == null ? 18 : a, b == null ? 0 : b, text);
            case "REAL", "FLOAT4" -> new ColumnType(Family.FLOAT, 4, null, text);
            case "DOUBLE PRECISION", "FLOAT8", "FLOAT" ->
                    new ColumnType(Family.FLOAT, 8, null, text);
            case "VARCHAR", "CHARACTER VARYING", "CHAR", "CHARACTER", "BPCHAR" ->
                    new ColumnType(Family.TEXT, a, null, text);
            case "TEXT" -> new ColumnType(Family.TEXT, null, null, text);
            case "BOOLEAN", "BOOL" -> new ColumnType(Family.BOOLEAN, null, null, text);
            case "DATE" -> new ColumnType(Family.DATE, null, null, text);
            case "TIMESTAMP", "TIMESTAMP WITHOUT TIME ZONE" ->
                    new ColumnType(Family.TIMESTAMP, a, null, text);
            case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" ->
                    new ColumnType(Family.TIMESTAMPTZ, a, null, text);
            case "VARBYTE", "BINARY VARYING", "VARBINARY" ->
                    new ColumnType(Family.BINARY, a, null, text);
            case "BYTEA" -> new ColumnType(Family.BINARY, null, null, text);
            case "SUPER", "JSONB", "JSON" -> new ColumnType(Family.JSON, null, null, text);
            default -> new ColumnType(Family.OTHER, null, null, text);
        };
    }

    /**
     * From {@code information_schema.columns}: {@code data_type}, {@code character_maximum_length},
     * {@code numeric_precision}, {@code numeric_scale}, {@code datetime_precision} (each null where
     * it does not apply).
     */
    public static ColumnType fromCatalog(
            String dataType, Integer charLength, Integer precision, Integer scale, Integer fsp) {
        String d = dataType.toLowerCase(Locale.ROOT);
        return switch (d) {
            case "character varying", "character", "binary varying", "varbyte" ->
                    parse(d + (charLength == null ? "" : "(" + charLength + ")"));
            case "numeric" ->
                    precision == null
                            ? new ColumnType(Family.DECIMAL, 1000, 0, "NUMERIC")
                            : parse(
                                    "NUMERIC("
                                            + precision
                                            + ","
                                            + (scale == null ? 0 : scale)
                                            + ")");
            case "timestamp without time zone" -> parse("TIMESTAMP" + fractional(fsp));
            case "timestamp with time zone" -> parse("TIMESTAMPTZ" + fractional(fsp));
            default -> parse(d);
        };
    }

    private static String fractional(Integer fsp) {
        return fsp == null ? "" : "(" + fsp + ")";
    }

    /** Decimal digits left of the point this type can hold (integers: their widest value). */
    public int integerDigits() {
        return switch (family) {
            case INTEGER -> size == 2 ? 5 : size == 4 ? 10 : 19;
            case DECIMAL -> size - scale;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
