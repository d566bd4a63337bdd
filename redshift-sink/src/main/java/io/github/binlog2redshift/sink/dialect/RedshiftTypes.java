package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;

/**
 * MySQL column types to Redshift column types. The rule is "every MySQL value fits, exactly"; where
 * Redshift has no exact type the value is kept as its lossless text (see {@code
 * docs/event-format.md}) rather than rounded or cut.
 *
 * <p>Redshift limits cited: VARCHAR is at most 65,535 <em>bytes</em> and CHAR holds single-byte
 * characters only, so character lengths become UTF-8 byte lengths (4 per character, utf8mb4);
 * DECIMAL precision is at most 38; VARBYTE is at most 16,777,216 bytes and is loaded from CSV as
 * hex; SUPER holds JSON values up to 16 MB (but COPY reads at most 4 MB per JSON value).
 */
public final class RedshiftTypes {

    /** Redshift's VARCHAR limit in bytes. */
    public static final int MAX_VARCHAR_BYTES = 65_535;

    /** Redshift's VARBYTE limit in bytes. */
    public static final int MAX_VARBYTE_BYTES = 16_777_216;

    /** Redshift's SUPER limit per value: 16 MB. */
    public static final long MAX_SUPER_BYTES = 16L * 1024 * 1024;

    /** Redshift's DECIMAL precision limit. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    private RedshiftTypes() {}

    public static String of(ColumnDef column) {
        MySqlType t = MySqlType.of(column);
        if (t.isSpatial()) {
            // The MySQL storage form (SRID + WKB) is kept as bytes: loading GEOMETRY from CSV
            // needs EWKB hex, a conversion that is not done yet. ST_GeomFromWKB(SUBSTRING(c, 5))
            // reads it.
            return varbyte(MAX_VARBYTE_BYTES);
        }
        return switch (t.base()) {
            case "TINYINT", "BOOL", "YEAR" -> "SMALLINT"; // Redshift has no 1-byte integer
            case "SMALLINT" -> t.unsigned() ? "INTEGER" : "SMALLINT";
            case "MEDIUMINT" -> "INTEGER";
            case "INT" -> t.unsigned() ? "BIGINT" : "INTEGER";
            case "BIGINT" -> t.unsigned() ? "DECIMAL(20,0)" : "BIGINT";
            case "DECIMAL" -> decimal(t);
            case "FLOAT" -> "REAL";
            case "DOUBLE" -> "DOUBLE PRECISION";
            case "BIT" -> t.isSingleBit() ? "BOOLEAN" : varbyte((t.lengthOr(1) + 7) / 8);
            case "DATE" -> "DATE";
                // MySQL TIME is a duration from -838:59:59 to 838:59:59; Redshift TIME stops at
                // 24h.
            case "TIME" -> "VARCHAR(17)";
            case "DATETIME" -> "TIMESTAMP";
            case "TIMESTAMP" -> "TIMESTAMPTZ";
            case "CHAR", "VARCHAR" -> varchar(column.length() == null ? null : t.lengthOr(1) * 4L);
            case "TINYTEXT" -> varchar(255L); // MySQL text limits are bytes already
            case "TEXT", "MEDIUMTEXT", "LONGTEXT" -> varchar(null);
            case "BINARY", "VARBINARY" -> varbyte(t.lengthOr(1));
            case "TINYBLOB" -> varbyte(255);
            case "BLOB" -> varbyte(65_535);
            case "MEDIUMBLOB", "LONGBLOB" -> varbyte(MAX_VARBYTE_BYTES);
            case "ENUM" -> "VARCHAR(1020)"; // a member has at most 255 characters
            case "SET" -> varchar(null);
            case "JSON" -> "SUPER";
                // MariaDB's address and UUID types travel as their text forms.
            case "INET4" -> "VARCHAR(15)";
            case "INET6" -> "VARCHAR(45)";
            case "UUID" -> "VARCHAR(36)";
            default -> throw t.unsupported(column, "Redshift");
        };
    }

    private static String decimal(MySqlType t) {
        int precision = t.lengthOr(10);
        int scale = t.scale() == null ? 0 : t.scale();
        if (precision > MAX_DECIMAL_PRECISION) {
            // Kept as its exact text: digits, a sign and a decimal point.
            return "VARCHAR(" + (precision + 2) + ")";
        }
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    private static String varchar(Long bytes) {
        long n = bytes == null ? MAX_VARCHAR_BYTES : Math.min(bytes, MAX_VARCHAR_BYTES);
        return "VARCHAR(" + n + ")";
    }

    private static String varbyte(long bytes) {
        return "VARBYTE(" + Math.min(Math.max(bytes, 1), MAX_VARBYTE_BYTES) + ")";
    }
}
