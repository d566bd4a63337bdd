package io.debezium.connector.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.junit.jupiter.api.Test;

/**
 * Our replacement of Debezium's binlog cell decoding: loaded instead of the connector's, and a TIME
 * read exactly for every sign, fraction and precision (the values encoded here as MySQL's {@code
 * my_time_packed_to_binary} stores them).
 */
class RowDeserializersTest {

    @Test
    void oursIsTheOneLoadedAndWrittenForFlinkCdc350() throws Exception {
        Path ours =
                Path.of(
                        RowDeserializers.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        Path connector =
                Path.of(
                        MySqlSource.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        assertThat(ours).isNotEqualTo(connector);
        // Revisit RowDeserializers (and this test) when Flink CDC is upgraded.
        assertThat(connector.getFileName().toString())
                .isEqualTo("flink-sql-connector-mysql-cdc-3.5.0.jar");
    }

    @Test
    void negativeTimesAreExactAtEveryPrecision() throws Exception {
        String[] values = {
            "-838:59:59",
            "-00:01:00",
            "-01:00:00",
            "-00:00:01",
            "-12:34:56",
            "-00:00:00.5",
            "-00:00:01.25",
            "-10:00:00.000001",
            "-838:59:58.999999",
            "-00:00:03.56",
            "838:59:59.999999",
            "00:00:00",
            "12:00:00.5",
            "-00:00:00.000001"
        };
        for (String v : values) {
            for (int fsp = 0; fsp <= 6; fsp++) {
                Duration expected = truncated(parse(v), fsp);
                Duration read =
                        (Duration)
                                RowDeserializers.deserializeTimeV2(
                                        fsp, new ByteArrayInputStream(time2(expected, fsp)));
                assertThat(read).as("%s as TIME(%s)", v, fsp).isEqualTo(expected);
            }
        }
    }

    @Test
    void theOtherCellsKeepDebeziumsTypes() throws Exception {
        // DATE 2024-01-31: day | month << 5 | year << 9, 3 bytes little-endian.
        int date = 31 | 1 << 5 | 2024 << 9;
        assertThat(RowDeserializers.deserializeDate(le(date, 3)))
                .isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(RowDeserializers.deserializeDate(le(0, 3))).isNull();
        assertThat(RowDeserializers.deserializeDate(le(15 | 2024 << 9, 3))).isNull();
        // DATETIME2(3) 2024-01-31 12:34:56.789
        long dt = 1L << 39 | (2024L * 13 + 1) << 22 | 31L << 17 | 12L << 12 | 34L << 6 | 56L;
        byte[] bytes = concat(be(dt, 5), be(7890, 2));
        assertThat(RowDeserializers.deserializeDatetimeV2(3, new ByteArrayInputStream(bytes)))
                .isEqualTo(LocalDateTime.of(2024, 1, 31, 12, 34, 56, 789_000_000));
        assertThat(RowDeserializers.deserializeTime(le(-123456 & 0xFFFFFF, 3)))
                .isEqualTo(Duration.ofHours(-12).minusMinutes(34).minusSeconds(56));
        assertThat(
                        RowDeserializers.deserializeVarString(
                                10, new ByteArrayInputStream(new byte[] {2, 'h', 'i'})))
                .isEqualTo(new byte[] {'h', 'i'});
    }

    /** MySQL's TIME2 encoding of {@code d} with {@code fsp} digits. */
    static byte[] time2(Duration d, int fsp) {
        long micros = Math.abs(d.toNanos() / 1000);
        long seconds = micros / 1_000_000;
        long hms = (seconds / 3600) << 12 | (seconds / 60 % 60) << 6 | seconds % 60;
        long packed = (hms << 24) + micros % 1_000_000;
        if (d.isNegative()) {
            packed = -packed;
        }
        long intPart = packed >> 24;
        long frac = packed % (1 << 24); // C's remainder: the sign of the dividend
        switch ((fsp + 1) / 2) {
            case 0:
                return be(0x800000L + intPart, 3);
            case 1:
                return concat(be(0x800000L + intPart, 3), be((frac / 10000) & 0xFF, 1));
            case 2:
                return concat(be(0x800000L + intPart, 3), be((frac / 100) & 0xFFFF, 2));
            default:
                return be(packed + 0x800000000000L, 6);
        }
    }

    static Duration parse(String text) {
        boolean negative = text.startsWith("-");
        String[] p = (negative ? text.substring(1) : text).split("[:.]");
        Duration d =
                Duration.ofHours(Long.parseLong(p[0]))
                        .plusMinutes(Long.parseLong(p[1]))
                        .plusSeconds(Long.parseLong(p[2]));
        if (p.length > 3) {
            d = d.plusNanos(Long.parseLong((p[3] + "000000000").substring(0, 9)));
        }
        return negative ? d.negated() : d;
    }

    /** MariaDB truncates to the column's precision on insert. */
    static Duration truncated(Duration d, int fsp) {
        long unit = (long) Math.pow(10, 9 - fsp);
        long nanos = Math.abs(d.toNanos()) / unit * unit;
        return d.isNegative() ? Duration.ofNanos(-nanos) : Duration.ofNanos(nanos);
    }

    private static ByteArrayInputStream le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >> (8 * i));
        }
        return new ByteArrayInputStream(b);
    }

    private static byte[] be(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[n - 1 - i] = (byte) (v >> (8 * i));
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
