package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import javax.annotation.Nullable;

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

    /** The most bytes COPY reads for one input row: 4 MB. */
    public static final long MAX_COPY_ROW_BYTES = 4L * 1024 * 1024;

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
        switch (t.base()) {
            case "TINYINT":
            case "BOOL":
            case "YEAR":
                return "SMALLINT"; // Redshift has no 1-byte integer
            case "SMALLINT":
                return t.unsigned() ? "INTEGER" : "SMALLINT";
            case "MEDIUMINT":
                return "INTEGER";
            case "INT":
                return t.unsigned() ? "BIGINT" : "INTEGER";
            case "BIGINT":
                return t.unsigned() ? "DECIMAL(20,0)" : "BIGINT";
            case "DECIMAL":
                return decimal(t);
            case "FLOAT":
                return "REAL";
            case "DOUBLE":
                return "DOUBLE PRECISION";
            case "BIT":
                return t.isSingleBit() ? "BOOLEAN" : varbyte((t.lengthOr(1) + 7) / 8);
            case "DATE":
                return "DATE";
            case "TIME":
                // MySQL TIME is a duration from -838:59:59 to 838:59:59; Redshift TIME stops at
                // 24h.
                return "VARCHAR(17)";
            case "DATETIME":
                return "TIMESTAMP";
            case "TIMESTAMP":
                return "TIMESTAMPTZ";
            case "CHAR":
            case "VARCHAR":
                return varchar(column.length() == null ? null : t.lengthOr(1) * 4L);
            case "TINYTEXT":
                return varchar(255L); // MySQL text limits are bytes already
            case "TEXT":
            case "MEDIUMTEXT":
            case "LONGTEXT":
                return varchar(null);
            case "BINARY":
            case "VARBINARY":
                return varbyte(t.lengthOr(1));
            case "TINYBLOB":
                return varbyte(255);
            case "BLOB":
                return varbyte(65_535);
            case "MEDIUMBLOB":
            case "LONGBLOB":
                return varbyte(MAX_VARBYTE_BYTES);
            case "ENUM":
                return "VARCHAR(1020)"; // a member has at most 255 characters
            case "SET":
                return varchar(null);
            case "JSON":
                return "SUPER";
            case "INET4":
                // MariaDB's address and UUID types travel as their text forms.
                return "VARCHAR(15)";
            case "INET6":
                return "VARCHAR(45)";
            case "UUID":
                return "VARCHAR(36)";
            default:
                throw t.unsupported(column, "Redshift");
        }
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

    private static String varchar(@Nullable Long bytes) {
        long n = bytes == null ? MAX_VARCHAR_BYTES : Math.min(bytes, MAX_VARCHAR_BYTES);
        return "VARCHAR(" + n + ")";
    }

    private static String varbyte(long bytes) {
        return "VARBYTE(" + Math.min(Math.max(bytes, 1), MAX_VARBYTE_BYTES) + ")";
    }
}
