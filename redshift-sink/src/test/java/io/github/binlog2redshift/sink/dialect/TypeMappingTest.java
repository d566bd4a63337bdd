package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ColumnDef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every MySQL type, as {@code type, length, scale -> Redshift, PostgreSQL}. */
class TypeMappingTest {

    @ParameterizedTest(name = "{0}({1},{2}) -> {3} | {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            textBlock =
                    """
            TINYINT              | -   | - | SMALLINT          | SMALLINT
            TINYINT UNSIGNED     | -   | - | SMALLINT          | SMALLINT
            BOOL                 | 1   | - | SMALLINT          | SMALLINT
            BOOLEAN              | -   | - | SMALLINT          | SMALLINT
            SMALLINT             | -   | - | SMALLINT          | SMALLINT
            SMALLINT UNSIGNED    | -   | - | INTEGER           | INTEGER
            MEDIUMINT            | -   | - | INTEGER           | INTEGER
            MEDIUMINT UNSIGNED   | -   | - | INTEGER           | INTEGER
            INT                  | -   | - | INTEGER           | INTEGER
            INTEGER              | -   | - | INTEGER           | INTEGER
            INT UNSIGNED         | -   | - | BIGINT            | BIGINT
            int unsigned zerofill| -   | - | BIGINT            | BIGINT
            BIGINT               | -   | - | BIGINT            | BIGINT
            BIGINT UNSIGNED      | -   | - | DECIMAL(20,0)     | NUMERIC(20,0)
            DECIMAL              | 10  | 2 | DECIMAL(10,2)     | NUMERIC(10,2)
            DECIMAL              | -   | - | DECIMAL(10,0)     | NUMERIC(10,0)
            NUMERIC              | 38  | 0 | DECIMAL(38,0)     | NUMERIC(38,0)
            DECIMAL UNSIGNED     | 39  | 4 | VARCHAR(41)       | NUMERIC(39,4)
            DECIMAL              | 65  | 30| VARCHAR(67)       | NUMERIC(65,30)
            FLOAT                | -   | - | REAL              | REAL
            FLOAT                | 24  | - | REAL              | REAL
            FLOAT                | 53  | - | DOUBLE PRECISION  | DOUBLE PRECISION
            FLOAT                | 10  | 2 | REAL              | REAL
            FLOAT UNSIGNED       | -   | - | REAL              | REAL
            DOUBLE UNSIGNED      | 22  | 4 | DOUBLE PRECISION  | DOUBLE PRECISION
            SERIAL               | -   | - | DECIMAL(20,0)     | NUMERIC(20,0)
            TINYINT(1)           | -   | - | SMALLINT          | SMALLINT
            BIT UNSIGNED         | 1   | - | BOOLEAN           | BOOLEAN
            LONG VARCHAR         | -   | - | VARCHAR(65535)    | TEXT
            LONG VARBINARY       | -   | - | VARBYTE(16777216) | BYTEA
            NATIONAL VARCHAR     | 10  | - | VARCHAR(40)       | VARCHAR(10)
            INET4                | -   | - | VARCHAR(15)       | VARCHAR(15)
            INET6                | -   | - | VARCHAR(45)       | VARCHAR(45)
            UUID                 | -   | - | VARCHAR(36)       | VARCHAR(36)
            DOUBLE               | -   | - | DOUBLE PRECISION  | DOUBLE PRECISION
            DOUBLE PRECISION     | -   | - | DOUBLE PRECISION  | DOUBLE PRECISION
            REAL                 | -   | - | DOUBLE PRECISION  | DOUBLE PRECISION
            BIT                  | 1   | - | BOOLEAN           | BOOLEAN
            BIT                  | -   | - | BOOLEAN           | BOOLEAN
            BIT                  | 9   | - | VARBYTE(2)        | BYTEA
            BIT                  | 64  | - | VARBYTE(8)        | BYTEA
            DATE                 | -   | - | DATE              | DATE
            TIME                 | -   | - | VARCHAR(17)       | VARCHAR(17)
            TIME                 | 6   | - | VARCHAR(17)       | VARCHAR(17)
            DATETIME             | -   | - | TIMESTAMP         | TIMESTAMP(0)
            DATETIME             | 3   | - | TIMESTAMP         | TIMESTAMP(3)
            TIMESTAMP            | 6   | - | TIMESTAMPTZ       | TIMESTAMPTZ(6)
            TIMESTAMP            | -   | - | TIMESTAMPTZ       | TIMESTAMPTZ(0)
            YEAR                 | -   | - | SMALLINT          | SMALLINT
            CHAR                 | 10  | - | VARCHAR(40)       | VARCHAR(10)
            VARCHAR              | 255 | - | VARCHAR(1020)     | VARCHAR(255)
            VARCHAR              | 16384| -| VARCHAR(65535)    | VARCHAR(16384)
            VARCHAR              | -   | - | VARCHAR(65535)    | TEXT
            TINYTEXT             | -   | - | VARCHAR(255)      | TEXT
            TEXT                 | -   | - | VARCHAR(65535)    | TEXT
            MEDIUMTEXT           | -   | - | VARCHAR(65535)    | TEXT
            LONGTEXT             | -   | - | VARCHAR(65535)    | TEXT
            BINARY               | 16  | - | VARBYTE(16)       | BYTEA
            VARBINARY            | 300 | - | VARBYTE(300)      | BYTEA
            TINYBLOB             | -   | - | VARBYTE(255)      | BYTEA
            BLOB                 | -   | - | VARBYTE(65535)    | BYTEA
            MEDIUMBLOB           | -   | - | VARBYTE(16777216) | BYTEA
            LONGBLOB             | -   | - | VARBYTE(16777216) | BYTEA
            ENUM                 | -   | - | VARCHAR(1020)     | VARCHAR(255)
            SET                  | -   | - | VARCHAR(65535)    | TEXT
            JSON                 | -   | - | SUPER             | JSONB
            GEOMETRY             | -   | - | VARBYTE(16777216) | BYTEA
            POINT                | -   | - | VARBYTE(16777216) | BYTEA
            LINESTRING           | -   | - | VARBYTE(16777216) | BYTEA
            POLYGON              | -   | - | VARBYTE(16777216) | BYTEA
            MULTIPOINT           | -   | - | VARBYTE(16777216) | BYTEA
            MULTILINESTRING      | -   | - | VARBYTE(16777216) | BYTEA
            MULTIPOLYGON         | -   | - | VARBYTE(16777216) | BYTEA
            GEOMCOLLECTION       | -   | - | VARBYTE(16777216) | BYTEA
            GEOMETRYCOLLECTION   | -   | - | VARBYTE(16777216) | BYTEA
            """)
    void mapsEveryMySqlType(
            String type, Integer length, Integer scale, String redshift, String postgres) {
        ColumnDef c = ColumnDef.of("c", type, length, scale, true);
        assertThat(new RedshiftDialect().columnType(c)).isEqualTo(redshift);
        assertThat(new PostgresDialect().columnType(c)).isEqualTo(postgres);
    }

    @ParameterizedTest
    @CsvSource({"INTERVAL", "XML"})
    void rejectsUnknownTypesNamingTheColumn(String type) {
        ColumnDef c = ColumnDef.of("odd", type, null, null, true);
        assertThatThrownBy(() -> new RedshiftDialect().columnType(c))
                .hasMessage(
                        "column 'odd' has MySQL type '"
                                + type
                                + "', which has no Redshift mapping");
        assertThatThrownBy(() -> new PostgresDialect().columnType(c))
                .hasMessageEndingWith("which has no PostgreSQL mapping");
    }
}
