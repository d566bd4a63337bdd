package io.github.binlog2redshift.sink.dialect.internal;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A MySQL column type reduced to what the mappings need: the base name with synonyms folded
 * (INTEGER is INT, NUMERIC is DECIMAL, BOOLEAN is BOOL, ...), signedness, length and scale.
 */
public final class MySqlType {

    private static final Map<String, String> SYNONYMS =
            Map.ofEntries(
                    Map.entry("INTEGER", "INT"),
                    Map.entry("INT1", "TINYINT"),
                    Map.entry("INT2", "SMALLINT"),
                    Map.entry("INT3", "MEDIUMINT"),
                    Map.entry("MIDDLEINT", "MEDIUMINT"),
                    Map.entry("INT4", "INT"),
                    Map.entry("INT8", "BIGINT"),
                    Map.entry("BOOLEAN", "BOOL"),
                    Map.entry("DEC", "DECIMAL"),
                    Map.entry("NUMERIC", "DECIMAL"),
                    Map.entry("FIXED", "DECIMAL"),
                    Map.entry("REAL", "DOUBLE"),
                    Map.entry("DOUBLE PRECISION", "DOUBLE"),
                    Map.entry("FLOAT4", "FLOAT"),
                    Map.entry("FLOAT8", "DOUBLE"),
                    Map.entry("CHARACTER", "CHAR"),
                    Map.entry("NCHAR", "CHAR"),
                    Map.entry("CHARACTER VARYING", "VARCHAR"),
                    Map.entry("NVARCHAR", "VARCHAR"),
                    Map.entry("NATIONAL CHAR", "CHAR"),
                    Map.entry("NATIONAL VARCHAR", "VARCHAR"),
                    Map.entry("LONG", "MEDIUMTEXT"),
                    Map.entry("LONG VARCHAR", "MEDIUMTEXT"),
                    Map.entry("LONG VARBINARY", "MEDIUMBLOB"),
                    Map.entry("GEOMCOLLECTION", "GEOMETRYCOLLECTION"));

    /** The spatial types; MySQL stores them as a 4-byte SRID followed by WKB. */
    private static final java.util.Set<String> SPATIAL =
            java.util.Set.of(
                    "GEOMETRY",
                    "POINT",
                    "LINESTRING",
                    "POLYGON",
                    "MULTIPOINT",
                    "MULTILINESTRING",
                    "MULTIPOLYGON",
                    "GEOMETRYCOLLECTION");

    private final String base;
    private final boolean unsigned;
    @Nullable private final Integer length;
    @Nullable private final Integer scale;

    private MySqlType(
            String base, boolean unsigned, @Nullable Integer length, @Nullable Integer scale) {
        this.base = Objects.requireNonNull(base, "base");
        this.unsigned = unsigned;
        this.length = length;
        this.scale = scale;
    }

    public static MySqlType of(ColumnDef column) {
        String t = column.type().toUpperCase(Locale.ROOT).trim();
        int paren = t.indexOf('(');
        if (paren >= 0) {
            int close = t.indexOf(')', paren);
            t = (t.substring(0, paren) + (close >= 0 ? t.substring(close + 1) : "")).trim();
        }
        t = t.replace(" ZEROFILL", "").replace("ZEROFILL", "").trim();
        boolean signSuffix = t.endsWith(" UNSIGNED") || t.endsWith(" SIGNED");
        boolean isUnsigned = t.endsWith(" UNSIGNED");
        if (signSuffix) {
            t = t.substring(0, t.lastIndexOf(' ')).trim();
        }
        if (t.equals("SERIAL")) {
            return new MySqlType("BIGINT", true, null, null); // BIGINT UNSIGNED AUTO_INCREMENT
        }
        String base = SYNONYMS.getOrDefault(t, t);
        if (base.equals("FLOAT")
                && column.length() != null
                && column.length() > 24
                && column.scale() == null) {
            base = "DOUBLE"; // MySQL FLOAT(p) with p > 24 is a DOUBLE
        }
        return new MySqlType(base, isUnsigned, column.length(), column.scale());
    }

    /** The type name without length or sign, synonyms folded (INTEGER is INT). */
    public String base() {
        return base;
    }

    public boolean unsigned() {
        return unsigned;
    }

    /** The declared length (or precision), null when the column has none. */
    @Nullable
    public Integer length() {
        return length;
    }

    /** The declared scale, null when the column has none. */
    @Nullable
    public Integer scale() {
        return scale;
    }

    public boolean isSpatial() {
        return SPATIAL.contains(base);
    }

    /** True for types whose values travel as base64 and are staged as hex. */
    public boolean isBinary() {
        switch (base) {
            case "BINARY":
            case "VARBINARY":
            case "TINYBLOB":
            case "BLOB":
            case "MEDIUMBLOB":
            case "LONGBLOB":
                return true;
            case "BIT":
                return !isSingleBit();
            default:
                return isSpatial();
        }
    }

    /** BIT(1) (or BIT without length, which MySQL reads as BIT(1)): a boolean. */
    public boolean isSingleBit() {
        return base.equals("BIT") && (length == null || length <= 1);
    }

    /** The declared length, or {@code fallback} when the column has none. */
    public int lengthOr(int fallback) {
        return length == null || length <= 0 ? fallback : length;
    }

    public IllegalArgumentException unsupported(ColumnDef column, String target) {
        return new IllegalArgumentException(
                "column '"
                        + column.name()
                        + "' has MySQL type '"
                        + column.type()
                        + "', which has no "
                        + target
                        + " mapping");
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MySqlType)) {
            return false;
        }
        MySqlType other = (MySqlType) o;
        return base.equals(other.base)
                && unsigned == other.unsigned
                && Objects.equals(length, other.length)
                && Objects.equals(scale, other.scale);
    }

    @Override
    public int hashCode() {
        return Objects.hash(base, unsigned, length, scale);
    }

    @Override
    public String toString() {
        return "MySqlType[base="
                + base
                + ", unsigned="
                + unsigned
                + ", length="
                + length
                + ", scale="
                + scale
                + "]";
    }
}
