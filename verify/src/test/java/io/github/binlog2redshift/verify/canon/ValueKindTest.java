package io.github.binlog2redshift.verify.canon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueKindTest {

    @Test
    void sourceTypeDecidesUnlessTheTargetIsJson() {
        assertThat(ValueKind.of("bigint", "bigint(20) unsigned", "numeric"))
                .isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of("tinyint", "tinyint(1)", "boolean")).isEqualTo(ValueKind.INTEGER);
        assertThat(ValueKind.of("bit", "bit(1)", "boolean")).isEqualTo(ValueKind.BOOLEAN);
        assertThat(ValueKind.of("bit", "bit(12)", "bigint")).isEqualTo(ValueKind.BIT);
        assertThat(ValueKind.of("timestamp", "timestamp(3)", "timestamp with time zone"))
                .isEqualTo(ValueKind.DATETIME);
        assertThat(ValueKind.of("varbinary", "varbinary(16)", "bytea")).isEqualTo(ValueKind.BINARY);
        // MariaDB's JSON is LONGTEXT: only the target's JSONB says it is JSON
        assertThat(ValueKind.of("longtext", "longtext", "jsonb")).isEqualTo(ValueKind.JSON);
        assertThat(ValueKind.of("longtext", "longtext", "text")).isEqualTo(ValueKind.TEXT);
        // spatial values are kept as their bytes (SRID + WKB)
        assertThat(ValueKind.of("geometry", "geometry", "bytea")).isEqualTo(ValueKind.BINARY);
        assertThat(ValueKind.of("year", "year(4)", "smallint")).isEqualTo(ValueKind.YEAR);
        assertThat(ValueKind.of("inet6", "inet6", "character varying")).isEqualTo(ValueKind.OTHER);
    }
}
