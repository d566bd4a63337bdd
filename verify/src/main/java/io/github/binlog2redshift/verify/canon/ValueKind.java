package io.github.binlog2redshift.verify.canon;

import java.util.Locale;

/**
 * How a column's values are normalised before they are compared: decided from the source's MySQL
 * type (the truth) and, where the source type is ambiguous, from the warehouse type (MariaDB stores
 * JSON as LONGTEXT; the sink may keep it as JSONB or SUPER).
 */
public enum ValueKind {
    /** TINYINT..BIGINT (signed or unsigned), TINYINT(1); booleans on the target read as 1/0. */
    INTEGER,
    /**
     * YEAR: a number in the event and the target (SMALLINT), but Connector/J prints it as the date
     * {@code 1901-01-01} (its default {@code yearIsDateType=true}).
     */
    YEAR,
    /** DECIMAL(p,s): compared at exactly the source scale. */
    DECIMAL,
    /** FLOAT: single precision, so a DOUBLE PRECISION copy compares after rounding to float. */
    FLOAT,
    DOUBLE,
    /** BIT(1): 1 or 0. */
    BOOLEAN,
    /** BIT(n>1): an unsigned number. */
    BIT,
    DATE,
    TIME,
    /** DATETIME and TIMESTAMP: both read as UTC wall-clock text, microseconds. */
    DATETIME,
    /** CHAR: MySQL drops trailing spaces on read, PostgreSQL's character(n) pads them. */
    CHAR,
    TEXT,
    BINARY,
    JSON,
    /** Anything else: compared as the drivers' text. */
    OTHER;

    /**
     * @param mysqlDataType information_schema DATA_TYPE of the source column
     * @param mysqlColumnType information_schema COLUMN_TYPE of the source column
     * @param targetDataType information_schema data_type of the target column
     */
    public static ValueKind of(
            String mysqlDataType, String mysqlColumnType, String targetDataType) {
        String t = mysqlDataType.toLowerCase(Locale.ROOT);
        String target = targetDataType == null ? "" : targetDataType.toLowerCase(Locale.ROOT);
        if (target.equals("json") || target.equals("jsonb") || target.equals("super")) {
            return JSON;
        }
        switch (t) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint":
                return INTEGER;
            case "year":
                return YEAR;
            case "decimal", "numeric":
                return DECIMAL;
            case "float":
                return FLOAT;
            case "double", "real":
                return DOUBLE;
            case "bit":
                return mysqlColumnType.toLowerCase(Locale.ROOT).equals("bit(1)") ? BOOLEAN : BIT;
            case "date":
                return DATE;
            case "time":
                return TIME;
            case "datetime", "timestamp":
                return DATETIME;
            case "char":
                return CHAR;
            case "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set":
                return TEXT;
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob":
                return BINARY;
            case "geometry",
                    "point",
                    "linestring",
                    "polygon",
                    "multipoint",
                    "multilinestring",
                    "multipolygon",
                    "geometrycollection",
                    "geomcollection":
                // the sink keeps MySQL's internal form (SRID + WKB) in BYTEA/VARBYTE; the source's
                // bytes are that form, its text a decoding of them as characters
                return BINARY;
            case "json":
                return JSON;
            default:
                return OTHER;
        }
    }

    /** Whether key values of this kind sort as numbers rather than as text. */
    public boolean numeric() {
        return this == INTEGER
                || this == YEAR
                || this == DECIMAL
                || this == FLOAT
                || this == DOUBLE
                || this == BIT;
    }

    /** Whether the databases must be told to sort this kind by code point (binary collation). */
    public boolean collated() {
        return this == CHAR || this == TEXT;
    }
}
