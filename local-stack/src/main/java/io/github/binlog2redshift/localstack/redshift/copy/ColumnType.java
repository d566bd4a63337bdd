package io.github.binlog2redshift.localstack.redshift.copy;

import io.github.binlog2redshift.localstack.redshift.RedshiftException;
import java.util.Locale;

/** The Redshift column types a COPY can load here, from a catalog type name and its aliases. */
enum ColumnType {
    SMALLINT,
    INTEGER,
    BIGINT,
    DECIMAL,
    REAL,
    DOUBLE,
    BOOLEAN,
    CHAR,
    VARCHAR,
    DATE,
    TIMESTAMP,
    TIMESTAMPTZ,
    TIME,
    TIMETZ,
    SUPER,
    VARBYTE;

    static ColumnType of(String name) throws RedshiftException {
        String n = name.trim().toLowerCase(Locale.ROOT).replaceAll("\\s*\\(.*\\)", "");
        return switch (n) {
            case "smallint", "int2" -> SMALLINT;
            case "integer", "int", "int4" -> INTEGER;
            case "bigint", "int8" -> BIGINT;
            case "numeric", "decimal" -> DECIMAL;
            case "real", "float4" -> REAL;
            case "double precision", "float8", "float" -> DOUBLE;
            case "boolean", "bool" -> BOOLEAN;
            case "char", "character", "nchar", "bpchar" -> CHAR;
            case "varchar", "character varying", "nvarchar", "text" -> VARCHAR;
            case "date" -> DATE;
            case "timestamp", "timestamp without time zone" -> TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> TIMESTAMPTZ;
            case "time", "time without time zone" -> TIME;
            case "timetz", "time with time zone" -> TIMETZ;
            case "super" -> SUPER;
            case "varbyte", "varbinary", "binary varying" -> VARBYTE;
            default ->
                    throw new RedshiftException(
                            "0A000",
                            "COPY into a column of type "
                                    + name
                                    + " is not supported by the local Redshift",
                            null);
        };
    }

    boolean isCharacter() {
        return this == CHAR || this == VARCHAR;
    }
}
