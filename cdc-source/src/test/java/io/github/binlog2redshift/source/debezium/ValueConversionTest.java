package io.github.binlog2redshift.source.debezium;

import static io.github.binlog2redshift.source.debezium.DebeziumRecords.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** Every MySQL column type, as Debezium hands it over, into its documented lossless form. */
class ValueConversionTest {

    private static final Schema GEOMETRY =
            typed(
                            SchemaBuilder.struct()
                                    .name("io.debezium.data.geometry.Geometry")
                                    .field("wkb", Schema.BYTES_SCHEMA)
                                    .field("srid", Schema.OPTIONAL_INT32_SCHEMA),
                            "GEOMETRY",
                            null,
                            null)
                    .build();

    private static final Schema ROW =
            SchemaBuilder.struct()
                    .name("mysql_binlog_source.db.t.Value")
                    .field(
                            "id",
                            DebeziumRecords.required(SchemaBuilder.int32(), "INT", 11, null)
                                    .build())
                    .field("ti", typed(SchemaBuilder.int16(), "TINYINT", 4, null).build())
                    .field("tiu", typed(SchemaBuilder.int16(), "TINYINT UNSIGNED", 3, null).build())
                    .field("i", typed(SchemaBuilder.int64(), "INT UNSIGNED", 10, null).build())
                    .field("bi", typed(SchemaBuilder.int64(), "BIGINT", 20, null).build())
                    .field("biu", typed(Decimal.builder(0), "BIGINT UNSIGNED", 20, null).build())
                    .field("d", typed(Decimal.builder(30), "DECIMAL", 65, 30).build())
                    .field("d2", typed(Decimal.builder(2), "DECIMAL", 10, 2).build())
                    .field("f", typed(SchemaBuilder.float32(), "FLOAT", null, null).build())
                    .field("db", typed(SchemaBuilder.float64(), "DOUBLE", null, null).build())
                    .field("b1", typed(SchemaBuilder.bool(), "BIT", 1, null).build())
                    .field("b10", typed(bits(10), "BIT", 10, null).build())
                    .field("bo", typed(SchemaBuilder.int16(), "TINYINT", 1, null).build())
                    .field(
                            "dt",
                            typed(named(SchemaBuilder.int32(), "Date"), "DATE", null, null).build())
                    .field(
                            "t6",
                            typed(named(SchemaBuilder.int64(), "MicroTime"), "TIME", 6, null)
                                    .build())
                    .field(
                            "t0",
                            typed(named(SchemaBuilder.int64(), "MicroTime"), "TIME", null, null)
                                    .build())
                    .field(
                            "dtm6",
                            typed(
                                            named(SchemaBuilder.int64(), "MicroTimestamp"),
                                            "DATETIME",
                                            6,
                                            null)
                                    .build())
                    .field(
                            "dtm",
                            typed(named(SchemaBuilder.int64(), "Timestamp"), "DATETIME", null, null)
                                    .build())
                    .field(
                            "ts3",
                            typed(
                                            named(SchemaBuilder.string(), "ZonedTimestamp"),
                                            "TIMESTAMP",
                                            3,
                                            null)
                                    .build())
                    .field(
                            "y",
                            typed(named(SchemaBuilder.int32(), "Year"), "YEAR", 4, null).build())
                    .field("vc", typed(SchemaBuilder.string(), "VARCHAR", 20, null).build())
                    .field("bl", typed(SchemaBuilder.bytes(), "BLOB", null, null).build())
                    .field(
                            "e",
                            typed(enumOf("io.debezium.data.Enum", "a,b c,d"), "ENUM", 1, null)
                                    .build())
                    .field(
                            "s",
                            typed(enumOf("io.debezium.data.EnumSet", "x,y,z"), "SET", 5, null)
                                    .build())
                    .field("j", typed(SchemaBuilder.string(), "LONGTEXT", null, null).build())
                    .field("g", GEOMETRY)
                    .optional()
                    .build();

    private static final byte[] POINT_WKB = {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xf8, 0x3f};

    @Test
    void everyTypeArrivesInItsExactTextForm() {
        Struct after =
                new Struct(ROW)
                        .put("id", 1)
                        .put("ti", (short) -128)
                        .put("tiu", (short) 255)
                        .put("i", 4294967295L)
                        .put("bi", Long.MIN_VALUE)
                        .put("biu", new BigDecimal("18446744073709551615"))
                        .put(
                                "d",
                                new BigDecimal(
                                        "12345678901234567890123456789012345.123456789012345678901234567890"))
                        .put("d2", new BigDecimal("10.5"))
                        .put("f", 1.1f)
                        .put("db", 2.2d)
                        .put("b1", true)
                        .put("b10", new byte[] {1, 2})
                        .put("bo", (short) 1)
                        .put("dt", 19753)
                        .put("t6", -((838L * 3600 + 59 * 60 + 59) * 1_000_000L))
                        .put("t0", 45_296_000_000L)
                        .put("dtm6", 1_706_704_496_123_456L)
                        .put("dtm", 1_706_704_496_000L)
                        .put("ts3", "2024-02-01T00:00:00Z")
                        .put("y", 2024)
                        .put("vc", "héllo")
                        .put("bl", ByteBuffer.wrap(new byte[] {0, (byte) 255, 16}))
                        .put("e", "b c")
                        .put("s", "x,z")
                        .put("j", "{\"a\": [1, 2]}")
                        .put("g", new Struct(GEOMETRY).put("wkb", POINT_WKB));
        ChangeEvent event = convert(after);

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("id", 1L);
        expected.put("ti", -128L);
        expected.put("tiu", 255L);
        expected.put("i", 4294967295L);
        expected.put("bi", Long.MIN_VALUE);
        expected.put("biu", new BigInteger("18446744073709551615"));
        expected.put("d", "12345678901234567890123456789012345.123456789012345678901234567890");
        expected.put("d2", "10.50");
        expected.put("f", 1.1d);
        expected.put("db", 2.2d);
        expected.put("b1", true);
        expected.put("b10", "AgE="); // 0x0201, big-endian as MySQL stores b'1000000001'
        expected.put("bo", 1L);
        expected.put("dt", "2024-01-31");
        expected.put("t6", "-838:59:59.000000");
        expected.put("t0", "12:34:56");
        expected.put("dtm6", "2024-01-31 12:34:56.123456");
        expected.put("dtm", "2024-01-31 12:34:56");
        expected.put("ts3", "2024-02-01T00:00:00.000Z");
        expected.put("y", 2024L);
        expected.put("vc", "héllo");
        expected.put("bl", "AP8Q");
        expected.put("e", "b c");
        expected.put("s", "x,z");
        expected.put("j", "{\"a\": [1, 2]}");
        expected.put("g", "AAAAAAEBAAAAAAAAAAAA+D8="); // SRID 0 (4 bytes LE) + WKB
        assertThat(event.after()).containsExactlyEntriesOf(expected);
    }

    @Test
    void columnsCarryTheMySqlTypeLengthScaleAndMembers() {
        List<ColumnDef> columns = convert(new Struct(ROW).put("id", 1)).columns();
        assertThat(columns).hasSize(ROW.fields().size());
        assertThat(columns.get(0)).isEqualTo(ColumnDef.of("id", "INT", 11, null, false));
        assertThat(columns)
                .contains(
                        ColumnDef.of("biu", "BIGINT UNSIGNED", 20, null, true),
                        ColumnDef.of("d", "DECIMAL", 65, 30, true),
                        ColumnDef.of("dtm6", "DATETIME", 6, null, true),
                        ColumnDef.of("ts3", "TIMESTAMP", 3, null, true),
                        new ColumnDef("e", "ENUM", 1, null, true, List.of("a", "b c", "d")),
                        new ColumnDef("s", "SET", 5, null, true, List.of("x", "y", "z")));
    }

    @Test
    void nullsStayNullAndFractionsArePaddedToTheDeclaredDigits() {
        Struct after =
                new Struct(ROW)
                        .put("id", 2)
                        .put("t6", 90_000_500_000L)
                        .put("dtm6", 1_706_745_600_000_001L)
                        .put("ts3", "2024-01-31T23:59:59.5+00:00");
        Map<String, Object> row = convert(after).after();
        assertThat(row.get("t6")).isEqualTo("25:00:00.500000");
        assertThat(row.get("dtm6")).isEqualTo("2024-02-01 00:00:00.000001");
        assertThat(row.get("ts3")).isEqualTo("2024-01-31T23:59:59.500Z");
        assertThat(row.get("vc")).isNull();
        assertThat(row).containsKey("vc");
    }

    @Test
    void datetimeBeforeTheEpochIsNotShifted() {
        Map<String, Object> row =
                convert(new Struct(ROW).put("id", 3).put("dtm6", -1L).put("dt", -1)).after();
        assertThat(row.get("dtm6")).isEqualTo("1969-12-31 23:59:59.999999");
        assertThat(row.get("dt")).isEqualTo("1969-12-31");
    }

    private static ChangeEvent convert(Struct after) {
        var record =
                DebeziumRecords.record(
                        null,
                        null,
                        ROW,
                        "c",
                        null,
                        after,
                        DebeziumRecords.source("db", "t", "mysql-bin.000003", 1234, 0));
        return new SourceRecordConverter(List.of()).convert(record).get(0);
    }

    private static SchemaBuilder named(SchemaBuilder b, String debeziumTime) {
        return b.name("io.debezium.time." + debeziumTime);
    }

    private static SchemaBuilder bits(int length) {
        return SchemaBuilder.bytes().name("io.debezium.data.Bits").parameter("length", "" + length);
    }

    private static SchemaBuilder enumOf(String name, String allowed) {
        return SchemaBuilder.string().name(name).parameter("allowed", allowed);
    }
}
