package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ColumnDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StagedValueTextTest {

    private static String text(String type, Integer length, Object value, String prefix) {
        return StagedValueText.of(ColumnDef.of("c", type, length, null, true), value, prefix);
    }

    @Test
    void binaryTravelsAsBase64AndIsStagedAsHex() {
        // base64 "AP8Q" = bytes 00 ff 10
        assertThat(text("VARBINARY", 3, "AP8Q", "")).isEqualTo("00ff10");
        assertThat(text("BLOB", null, "AP8Q", "\\x")).isEqualTo("\\x00ff10");
        assertThat(text("BIT", 12, "AP8=", "")).isEqualTo("00ff");
        assertThat(text("POINT", null, "AAAAAA==", "")).isEqualTo("00000000");
        assertThat(text("BLOB", null, "", "\\x")).isEqualTo("\\x");
    }

    /**
     * Redshift: every binary value after the marker byte 00, so an empty value is "00" and not an
     * empty field, which COPY would load into VARBYTE as NULL.
     */
    @Test
    void redshiftStagesEveryBinaryValueAfterTheMarkerByte() {
        String rs = new RedshiftDialect().binaryPrefix();
        assertThat(rs).isEqualTo(new RedshiftDialect().binaryMarker()).isEqualTo("00");
        assertThat(text("BLOB", null, "AP8Q", rs)).isEqualTo("0000ff10");
        assertThat(text("VARBINARY", 8, "", rs)).isEqualTo("00");
        assertThat(text("VARBINARY", 8, new byte[0], rs)).isEqualTo("00");
        assertThat(text("VARBINARY", 8, null, rs)).isNull();
        assertThat(text("BIT", 12, "AP8=", rs)).isEqualTo("0000ff");
        assertThat(text("BIT", 1, Boolean.TRUE, rs)).isEqualTo("true");
        assertThat(new PostgresDialect().binaryMarker()).isEmpty();
    }

    @Test
    void hexWritesWhatHexFormatWrites() {
        byte[] every = new byte[256];
        for (int i = 0; i < every.length; i++) {
            every[i] = (byte) i;
        }
        assertThat(StagedValueText.hex(every)).isEqualTo(HexFormat.of().formatHex(every));
        assertThat(StagedValueText.hex(new byte[0])).isEmpty();
    }

    @Test
    void temporalValues() {
        assertThat(text("TIMESTAMP", 3, "2024-01-31T12:34:56.123Z", ""))
                .isEqualTo("2024-01-31 12:34:56.123+00");
        assertThat(text("DATETIME", 6, "2024-01-31 12:34:56.000001", ""))
                .isEqualTo("2024-01-31 12:34:56.000001");
        assertThat(text("DATETIME", 0, "0000-00-00 00:00:00", "")).isNull();
        assertThat(text("DATE", null, "0000-00-00", "")).isNull();
        assertThat(text("TIME", 0, "-838:59:59", "")).isEqualTo("-838:59:59");
    }

    @Test
    void numbersBooleansAndText() {
        assertThat(text("BIGINT UNSIGNED", null, new BigInteger("18446744073709551615"), ""))
                .isEqualTo("18446744073709551615");
        assertThat(text("DECIMAL", 10, "10.50", "")).isEqualTo("10.50");
        assertThat(text("DOUBLE", null, new BigDecimal("1.5E+300"), "")).isEqualTo("1.5E+300");
        assertThat(text("BIT", 1, Boolean.TRUE, "")).isEqualTo("true");
        assertThat(text("BIT", 1, 0L, "")).isEqualTo("false");
        assertThat(text("TINYINT", 1, Boolean.TRUE, "")).isEqualTo("1");
        assertThat(text("VARCHAR", 10, "", "")).isEqualTo("");
        assertThat(text("VARCHAR", 10, null, "")).isNull();
        assertThat(text("JSON", null, "{\"a\":\"b\\\\c\"}", "")).isEqualTo("{\"a\":\"b\\\\c\"}");
    }
}
