package io.github.binlog2redshift.verify.canon;

import static io.github.binlog2redshift.verify.canon.CanonicalValues.ofBytes;
import static io.github.binlog2redshift.verify.canon.CanonicalValues.ofText;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each kind: the MySQL text form and the warehouse text form meet in one canonical text. */
class CanonicalValuesTest {

    @Test
    void integersIncludingUnsignedBigintAndBooleans() {
        assertThat(ofText(ValueKind.INTEGER, 0, "42")).isEqualTo("42");
        assertThat(ofText(ValueKind.INTEGER, 0, "18446744073709551615"))
                .isEqualTo(ofText(ValueKind.INTEGER, 0, "18446744073709551615.0"));
        // TINYINT(1) in MySQL, BOOLEAN in PostgreSQL
        assertThat(ofText(ValueKind.INTEGER, 0, "t")).isEqualTo(ofText(ValueKind.INTEGER, 0, "1"));
        assertThat(ofText(ValueKind.INTEGER, 0, "false")).isEqualTo("0");
        assertThat(ofText(ValueKind.INTEGER, 0, "-7")).isEqualTo("-7");
    }

    @Test
    void decimalsAtTheSourceScale() {
        assertThat(ofText(ValueKind.DECIMAL, 2, "10.5")).isEqualTo("10.50");
        assertThat(ofText(ValueKind.DECIMAL, 2, "10.50")).isEqualTo("10.50");
        assertThat(ofText(ValueKind.DECIMAL, 0, "1E+3")).isEqualTo("1000");
        assertThat(ofText(ValueKind.DECIMAL, 2, "-0.10")).isEqualTo("-0.10");
        // a target with more digits than the source allows is a real difference
        assertThat(ofText(ValueKind.DECIMAL, 2, "10.505")).isEqualTo("10.505");
    }

    @Test
    void floatsCompareAtTheirSourcePrecision() {
        // FLOAT 1.1 copied into DOUBLE PRECISION reads back as 1.100000023841858
        assertThat(ofText(ValueKind.FLOAT, 0, "1.100000023841858"))
                .isEqualTo(ofText(ValueKind.FLOAT, 0, "1.1"));
        assertThat(ofText(ValueKind.DOUBLE, 0, "1e10"))
                .isEqualTo(ofText(ValueKind.DOUBLE, 0, "10000000000"));
        assertThat(ofText(ValueKind.DOUBLE, 0, "0.1"))
                .isNotEqualTo(ofText(ValueKind.DOUBLE, 0, "0.10000001"));
    }

    @Test
    void datetimeAndTimestampFormsMeet() {
        String canonical = "2024-01-31 12:34:56.123000";
        assertThat(ofText(ValueKind.DATETIME, 0, "2024-01-31 12:34:56.123")).isEqualTo(canonical);
        assertThat(ofText(ValueKind.DATETIME, 0, "2024-01-31T12:34:56.123000"))
                .isEqualTo(canonical);
        assertThat(ofText(ValueKind.DATETIME, 0, "2024-01-31 12:34:56.123+00"))
                .isEqualTo(canonical);
        assertThat(ofText(ValueKind.DATETIME, 0, "2024-01-31T12:34:56.123Z")).isEqualTo(canonical);
        // a TIMESTAMPTZ printed in another zone is brought back to UTC
        assertThat(ofText(ValueKind.DATETIME, 0, "2024-01-31 14:34:56.123+02"))
                .isEqualTo(canonical);
        assertThat(ofText(ValueKind.DATETIME, 0, "2024-01-31 12:34:56"))
                .isEqualTo("2024-01-31 12:34:56.000000");
        // fractional seconds are never dropped
        assertThat(ofText(ValueKind.DATETIME, 0, "2024-01-31 12:34:56.000001"))
                .isNotEqualTo(ofText(ValueKind.DATETIME, 0, "2024-01-31 12:34:56"));
    }

    @Test
    void datesAndTimes() {
        assertThat(ofText(ValueKind.DATE, 0, "2024-02-29")).isEqualTo("2024-02-29");
        assertThat(ofText(ValueKind.DATE, 0, "2024-02-29 00:00:00")).isEqualTo("2024-02-29");
        assertThat(ofText(ValueKind.TIME, 0, "12:34:56")).isEqualTo("12:34:56.000000");
        assertThat(ofText(ValueKind.TIME, 0, "12:34:56.5")).isEqualTo("12:34:56.500000");
        assertThat(ofText(ValueKind.TIME, 0, "-838:59:59")).isEqualTo("-838:59:59.000000");
    }

    @Test
    void charDropsTrailingPaddingButVarcharKeepsIt() {
        assertThat(ofText(ValueKind.CHAR, 0, "ab   ")).isEqualTo("ab");
        assertThat(ofText(ValueKind.TEXT, 0, "ab ")).isEqualTo("ab ");
    }

    @Test
    void nullAndEmptyStringStayDistinct() {
        assertThat(ofText(ValueKind.TEXT, 0, null)).isNull();
        assertThat(ofText(ValueKind.TEXT, 0, "")).isEqualTo("");
        assertThat(ofBytes(ValueKind.BINARY, null)).isNull();
        assertThat(ofBytes(ValueKind.BINARY, new byte[0])).isEqualTo("");
    }

    @Test
    void binaryAsHexAndBitsAsNumbers() {
        assertThat(ofBytes(ValueKind.BINARY, new byte[] {0, (byte) 0xAB, 0x7f}))
                .isEqualTo("00ab7f");
        assertThat(ofBytes(ValueKind.BIT, new byte[] {0x01, 0x02})).isEqualTo("258");
        assertThat(ofBytes(ValueKind.BOOLEAN, new byte[] {1})).isEqualTo("1");
        // BIT(1) copied into BOOLEAN reads back as t
        assertThat(ofText(ValueKind.BOOLEAN, 0, "t")).isEqualTo("1");
    }

    @Test
    void jsonComparedAsParsedValues() {
        // MariaDB keeps the text as written; JSONB reorders keys and drops whitespace
        String mariadb = "{\"b\": [1, 2.50, {\"y\": null, \"x\": true}], \"a\": \"s\"}";
        String jsonb = "{\"a\": \"s\", \"b\": [1, 2.50, {\"x\": true, \"y\": null}]}";
        assertThat(ofText(ValueKind.JSON, 0, mariadb)).isEqualTo(ofText(ValueKind.JSON, 0, jsonb));
        assertThat(ofText(ValueKind.JSON, 0, "[1,2]"))
                .isNotEqualTo(ofText(ValueKind.JSON, 0, "[2,1]"));
        assertThat(ofText(ValueKind.JSON, 0, "not json")).isEqualTo("not json");
    }

    @Test
    void unparseableValuesAreKeptAsTheyAre() {
        assertThat(ofText(ValueKind.INTEGER, 0, "abc")).isEqualTo("abc");
        assertThat(ofText(ValueKind.DATETIME, 0, "yesterday")).isEqualTo("yesterday");
    }

    @Test
    void yearReadAsConnectorJsDateEqualsTheTargetsNumber() {
        assertThat(ValueKind.of("year", "year(4)", "smallint")).isEqualTo(ValueKind.YEAR);
        assertThat(ofText(ValueKind.YEAR, 0, "1901-01-01"))
                .isEqualTo(ofText(ValueKind.YEAR, 0, "1901"));
        assertThat(ofText(ValueKind.YEAR, 0, "2155-01-01")).isEqualTo("2155");
        assertThat(ofText(ValueKind.YEAR, 0, "1901-01-01"))
                .isNotEqualTo(ofText(ValueKind.YEAR, 0, "1902"));
        assertThat(ofText(ValueKind.YEAR, 0, "0")).isEqualTo("0");
    }

    @Test
    void spatialValuesAreComparedAsTheirBytes() {
        for (String type : new String[] {"geometry", "point", "polygon", "geomcollection"}) {
            assertThat(ValueKind.of(type, type, "bytea")).isEqualTo(ValueKind.BINARY);
            assertThat(ValueKind.of(type, type, "binary varying")).isEqualTo(ValueKind.BINARY);
        }
        byte[] point =
                java.util.HexFormat.of()
                        .parseHex("000000000101000000000000000000f03f0000000000000040");
        assertThat(ofBytes(ValueKind.BINARY, point))
                .isEqualTo("000000000101000000000000000000f03f0000000000000040");
        byte[] other = point.clone();
        other[other.length - 1] = 0x41;
        assertThat(ofBytes(ValueKind.BINARY, other)).isNotEqualTo(ofBytes(ValueKind.BINARY, point));
    }

    @Test
    void theZeroDateIsNullAsTheSinkWritesIt() {
        assertThat(ofText(ValueKind.DATE, 0, "0000-00-00")).isNull();
        assertThat(ofText(ValueKind.DATETIME, 0, "0000-00-00 00:00:00")).isNull();
        assertThat(ofText(ValueKind.DATETIME, 0, "0000-00-00 00:00:00.000")).isNull();
        // only the whole zero date: a zero month alone stays a (different) value
        assertThat(ofText(ValueKind.DATE, 0, "2024-00-15")).isEqualTo("2024-00-15");
        assertThat(ofText(ValueKind.DATE, 0, "0000-00-00"))
                .isNotEqualTo(ofText(ValueKind.DATE, 0, "2000-01-01"));
    }

    @Test
    void bitAsBytesOrBooleanOrBitString() {
        // BIT(10) b'1000000001': the source's bytes, the target's BYTEA/VARBYTE bytes
        assertThat(ofBytes(ValueKind.BIT, new byte[] {2, 1})).isEqualTo("513");
        assertThat(ofBytes(ValueKind.BIT, new byte[] {2, 0})).isNotEqualTo("513");
        // BIT(1): one byte at the source, BOOLEAN t/f on the target
        assertThat(ofBytes(ValueKind.BOOLEAN, new byte[] {1}))
                .isEqualTo(ofText(ValueKind.BOOLEAN, 0, "t"));
        assertThat(ofBytes(ValueKind.BOOLEAN, new byte[] {0}))
                .isEqualTo(ofText(ValueKind.BOOLEAN, 0, "f"));
        assertThat(ofBytes(ValueKind.BOOLEAN, new byte[] {0}))
                .isNotEqualTo(ofText(ValueKind.BOOLEAN, 0, "t"));
    }

    @Test
    void setAndEnumAreTheirText() {
        assertThat(ValueKind.of("set", "set('a','b','c')", "character varying"))
                .isEqualTo(ValueKind.TEXT);
        assertThat(ValueKind.of("enum", "enum('x','y')", "text")).isEqualTo(ValueKind.TEXT);
        assertThat(ofText(ValueKind.TEXT, 0, "a,c")).isEqualTo("a,c");
        assertThat(ofText(ValueKind.TEXT, 0, ""))
                .isNotNull()
                .isNotEqualTo(ofText(ValueKind.TEXT, 0, "a"));
    }

    @Test
    void timeBeyondADayAndNegative() {
        assertThat(ofText(ValueKind.TIME, 0, "838:59:59"))
                .isEqualTo(ofText(ValueKind.TIME, 0, "838:59:59.000"));
        assertThat(ofText(ValueKind.TIME, 0, "838:59:59.000")).isEqualTo("838:59:59.000000");
        assertThat(ofText(ValueKind.TIME, 0, "-12:00:00.5"))
                .isEqualTo(ofText(ValueKind.TIME, 0, "-12:00:00.500"));
        assertThat(ofText(ValueKind.TIME, 0, "838:59:59"))
                .isNotEqualTo(ofText(ValueKind.TIME, 0, "838:59:58"));
        assertThat(ofText(ValueKind.TIME, 0, "-12:00:00"))
                .isNotEqualTo(ofText(ValueKind.TIME, 0, "12:00:00"));
    }
}
