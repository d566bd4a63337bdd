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
        switch (t.base()) {
            case "TINYINT":
            case "BOOL":
            case "YEAR":
                return "SMALLINT";
            case "SMALLINT":
                return t.unsigned() ? "INTEGER" : "SMALLINT";
            case "MEDIUMINT":
                return "INTEGER";
            case "INT":
                return t.unsigned() ? "BIGINT" : "INTEGER";
            case "BIGINT":
                return t.unsigned() ? "NUMERIC(20,0)" : "BIGINT";
            case "DECIMAL":
                return "NUMERIC("
                        + t.lengthOr(10)
                        + ","
                        + (t.scale() == null ? 0 : t.scale())
                        + ")";
            case "FLOAT":
                return "REAL";
            case "DOUBLE":
                return "DOUBLE PRECISION";
            case "BIT":
                return t.isSingleBit() ? "BOOLEAN" : "BYTEA";
            case "DATE":
                return "DATE";
            case "TIME":
                return "VARCHAR(17)";
            case "DATETIME":
                return "TIMESTAMP(" + fractionDigits(t) + ")";
            case "TIMESTAMP":
                return "TIMESTAMPTZ(" + fractionDigits(t) + ")";
            case "CHAR":
            case "VARCHAR":
                // MySQL drops CHAR's trailing spaces on read; PostgreSQL CHAR(n) would pad them
                // back.
                return column.length() == null ? "TEXT" : "VARCHAR(" + t.lengthOr(1) + ")";
            case "TINYTEXT":
            case "TEXT":
            case "MEDIUMTEXT":
            case "LONGTEXT":
            case "SET":
                return "TEXT";
            case "BINARY":
            case "VARBINARY":
            case "TINYBLOB":
            case "BLOB":
            case "MEDIUMBLOB":
            case "LONGBLOB":
                return "BYTEA";
            case "ENUM":
                return "VARCHAR(255)";
            case "JSON":
                return "JSONB";
            case "INET4":
                return "VARCHAR(15)";
            case "INET6":
                return "VARCHAR(45)";
            case "UUID":
                return "VARCHAR(36)";
            default:
                throw t.unsupported(column, "PostgreSQL");
        }
    }

    private static int fractionDigits(MySqlType t) {
        return Math.min(t.lengthOr(0), 6);
    }
}
