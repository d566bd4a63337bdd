package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;

/**
 * MySQL column types to PostgreSQL column types. PostgreSQL has an exact home for almost every
 * MySQL type (NUMERIC up to 1000 digits, character lengths counted in characters, BYTEA, JSONB).
 * The exceptions follow the Redshift mapping so both targets hold the same values: TIME (a MySQL
 * duration up to 838 hours) stays text, BOOL stays the small integer MySQL stores.
 */
public final class PostgresTypes {

    private PostgresTypes() {}

    public static String of(ColumnDef column) {
        MySqlType t = MySqlType.of(column);
        if (t.isSpatial()) {
            return "BYTEA"; // MySQL's SRID + WKB bytes, as on Redshift
        }
        return switch (t.base()) {
            case "TINYINT", "BOOL", "YEAR" -> "SMALLINT";
            case "SMALLINT" -> t.unsigned() ? "INTEGER" : "SMALLINT";
            case "MEDIUMINT" -> "INTEGER";
            case "INT" -> t.unsigned() ? "BIGINT" : "INTEGER";
            case "BIGINT" -> t.unsigned() ? "NUMERIC(20,0)" : "BIGINT";
            case "DECIMAL" ->
                    "NUMERIC(" + t.lengthOr(10) + "," + (t.scale() == null ? 0 : t.scale()) + ")";
            case "FLOAT" -> "REAL";
            case "DOUBLE" -> "DOUBLE PRECISION";
            case "BIT" -> t.isSingleBit() ? "BOOLEAN" : "BYTEA";
            case "DATE" -> "DATE";
            case "TIME" -> "VARCHAR(17)";
            case "DATETIME" -> "TIMESTAMP(" + fractionDigits(t) + ")";
            case "TIMESTAMP" -> "TIMESTAMPTZ(" + fractionDigits(t) + ")";
                // MySQL drops CHAR's trailing spaces on read; PostgreSQL CHAR(n) would pad them
                // back.
            case "CHAR", "VARCHAR" ->
                    column.length() == null ? "TEXT" : "VARCHAR(" + t.lengthOr(1) + ")";
            case "TINYTEXT", "TEXT", "MEDIUMTEXT", "LONGTEXT", "SET" -> "TEXT";
            case "BINARY", "VARBINARY", "TINYBLOB", "BLOB", "MEDIUMBLOB", "LONGBLOB" -> "BYTEA";
            case "ENUM" -> "VARCHAR(255)";
            case "JSON" -> "JSONB";
            case "INET4" -> "VARCHAR(15)";
            case "INET6" -> "VARCHAR(45)";
            case "UUID" -> "VARCHAR(36)";
            default -> throw t.unsupported(column, "PostgreSQL");
        };
    }

    private static int fractionDigits(MySqlType t) {
        return Math.min(t.lengthOr(0), 6);
    }
}
