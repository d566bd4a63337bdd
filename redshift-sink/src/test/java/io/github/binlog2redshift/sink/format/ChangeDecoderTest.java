package io.github.binlog2redshift.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.Fixtures;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChangeDecoderTest {

    private static final ChangeDecoder AUTO = new ChangeDecoder(InputFormat.AUTO);

    private static ChangeEvent single(String fixture) {
        ParsedRecord parsed = AUTO.decode(null, Fixtures.bytes(fixture));
        assertThat(parsed.events()).hasSize(1);
        return parsed.events().get(0);
    }

    @ParameterizedTest
    @CsvSource({
        "debezium/ours-update.json, DEBEZIUM",
        "debezium/with-schema-insert.json, DEBEZIUM",
        "dms/insert.json, DMS",
        "dms/control.json, DMS",
        "canal/insert-multi.json, CANAL",
        "canal/ddl.json, CANAL"
    })
    void detectsTheFormatPerRecord(String fixture, InputFormat expected) {
        assertThat(ChangeDecoder.detect(JsonRows.tree(Fixtures.bytes(fixture))))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(InputFormat.class)
    void everyConcreteFormatHasAParser(InputFormat format) {
        if (format == InputFormat.AUTO) {
            assertThatThrownBy(() -> ChangeDecoder.parser(format))
                    .isInstanceOf(IllegalStateException.class);
        } else {
            assertThat(ChangeDecoder.parser(format).getClass().getSimpleName())
                    .startsWithIgnoringCase(format.name());
        }
    }

    @Test
    void readsOurOwnEventsWithKeyAndColumns() {
        ChangeEvent e = single("debezium/ours-update.json");
        assertThat(e.table()).isEqualTo(TableId.of("shop", "orders"));
        assertThat(e.op()).isEqualTo(Op.UPDATE);
        assertThat(e.primaryKey()).containsExactly("id");
        assertThat(e.after()).containsEntry("id", 1L).containsEntry("amount", "12.00");
        assertThat(e.source().sortKey()).isEqualTo("000000000003:00000000000000001234:000002");
        assertThat(e.columns())
                .extracting(ColumnDef::type)
                .containsExactly("BIGINT UNSIGNED", "DECIMAL");
    }

    @Test
    void readsOurSchemaChanges() {
        ChangeEvent e = single("debezium/ours-ddl.json");
        assertThat(e.op()).isEqualTo(Op.SCHEMA_CHANGE);
        assertThat(e.ddl()).startsWith("ALTER TABLE orders ADD COLUMN note");
        assertThat(e.columns()).hasSize(3);
    }

    @Test
    void readsFlinkCdcJsonAsTheReferenceProducedIt() {
        ChangeEvent e = single("debezium/flink-cdc-2-update.json");
        assertThat(e.table()).isEqualTo(TableId.of("cdc_db_02", "sbtest19"));
        assertThat(e.before()).containsEntry("k", 4996L);
        assertThat(e.after()).containsEntry("k", 4997L);
        assertThat(e.source().fileSequence()).isEqualTo(50156);
        assertThat(e.primaryKey()).isEmpty();
    }

    @Test
    void readsTheSchemaEnvelopeAndTakesKeyColumnsFromADebeziumKey() {
        ParsedRecord parsed =
                AUTO.decode(
                        Fixtures.bytes("debezium/msk-connect-key.json"),
                        Fixtures.bytes("debezium/with-schema-insert.json"));
        ChangeEvent e = parsed.events().get(0);
        assertThat(e.op()).isEqualTo(Op.CREATE);
        assertThat(e.primaryKey()).containsExactly("id");
        assertThat(e.after()).containsEntry("first_name", "Anne");
    }

    @Test
    void readsAnMskConnectDeleteAndIgnoresATextKey() {
        ParsedRecord parsed =
                AUTO.decode(
                        "inventory.customers.1004".getBytes(),
                        Fixtures.bytes("debezium/msk-connect-delete.json"));
        ChangeEvent e = parsed.events().get(0);
        assertThat(e.op()).isEqualTo(Op.DELETE);
        assertThat(e.keyImage()).containsEntry("id", 1004L);
        assertThat(e.primaryKey()).isEmpty();
    }

    @Test
    void readsDmsOperations() {
        assertThat(single("dms/load.json").op()).isEqualTo(Op.READ);
        assertThat(single("dms/insert.json").op()).isEqualTo(Op.CREATE);
        ChangeEvent update = single("dms/update.json");
        assertThat(update.op()).isEqualTo(Op.UPDATE);
        assertThat(update.before()).containsEntry("pprice", 100L);
        assertThat(update.after()).containsEntry("pname", "prodcut-002");
        ChangeEvent delete = single("dms/delete.json");
        assertThat(delete.op()).isEqualTo(Op.DELETE);
        assertThat(delete.before()).containsEntry("pid", 2L);
        assertThat(delete.table()).isEqualTo(TableId.of("test_db", "product"));
    }

    @Test
    void dmsOrdersByArrivalAndKeepsItsTimestampForLag() {
        ChangeEvent e = single("dms/update.json");
        assertThat(e.source().sortKey()).isEqualTo(single("dms/insert.json").source().sortKey());
        assertThat(e.source().timestampMs()).isEqualTo(1681562293780L);
    }

    @Test
    void skipsDmsControlRecords() {
        ParsedRecord parsed = AUTO.decode(null, Fixtures.bytes("dms/control.json"));
        assertThat(parsed.isSkipped()).isTrue();
        assertThat(parsed.skipped()).contains("create-table");
    }

    @Test
    void readsEveryRowOfACanalMessageWithTypedValues() {
        List<ChangeEvent> events =
                AUTO.decode(null, Fixtures.bytes("canal/insert-multi.json")).events();
        assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e.op()).isEqualTo(Op.CREATE));
        ChangeEvent first = events.get(0);
        assertThat(first.primaryKey()).containsExactly("id");
        assertThat(first.after())
                .containsEntry("id", 1L)
                .containsEntry("price", "1.50")
                .containsEntry("created", "2024-01-31 12:34:56")
                .containsEntry("big", new BigInteger("18446744073709551615"));
        assertThat(events.get(1).after()).containsEntry("big", null);
        assertThat(first.columns())
                .containsExactly(
                        ColumnDef.of("id", "INT", 11, null, true),
                        ColumnDef.of("name", "VARCHAR", 64, null, true),
                        ColumnDef.of("price", "DECIMAL", 10, 2, true),
                        ColumnDef.of("created", "DATETIME", null, null, true),
                        ColumnDef.of("big", "BIGINT UNSIGNED", 20, null, true));
        assertThat(first.source().timestampMs()).isEqualTo(1706704496000L);
    }

    @Test
    void buildsTheCanalBeforeImageFromOld() {
        ChangeEvent e = single("canal/update.json");
        assertThat(e.before())
                .containsEntry("name", "a")
                .containsEntry("price", "1.50")
                .containsEntry("id", 1L);
        assertThat(e.after()).containsEntry("name", "a2").containsEntry("price", "1.75");
    }

    @Test
    void readsCanalDeletesAndDdl() {
        ChangeEvent delete = single("canal/delete.json");
        assertThat(delete.op()).isEqualTo(Op.DELETE);
        assertThat(delete.before()).containsEntry("id", 2L);
        ChangeEvent ddl = single("canal/ddl.json");
        assertThat(ddl.op()).isEqualTo(Op.SCHEMA_CHANGE);
        assertThat(ddl.table()).isEqualTo(TableId.of("shop", "items"));
        assertThat(ddl.ddl()).contains("ADD COLUMN color");
    }

    /**
     * Issue 14: Canal writes binary columns as ISO-8859-1 text of the bytes and BIT(n) as a number;
     * both become the model's base64, or a dead letter naming table, row, key and column.
     */
    @Test
    void convertsCanalBinaryAndBitValuesToBase64() {
        String message =
                "{\"data\":[{\"id\":\"1\",\"b\":\"\\u0000\u00ff\",\"f\":\"513\"}],"
                        + "\"database\":\"shop\",\"es\":1,\"id\":1,\"isDdl\":false,"
                        + "\"mysqlType\":{\"id\":\"int(11)\",\"b\":\"varbinary(4)\","
                        + "\"f\":\"bit(10)\"},\"pkNames\":[\"id\"],\"table\":\"t\","
                        + "\"ts\":1,\"type\":\"INSERT\"}";
        ChangeEvent e =
                new ChangeDecoder(InputFormat.CANAL).decode(null, utf8(message)).events().get(0);
        assertThat(e.after()).containsEntry("b", "AP8=").containsEntry("f", "AgE=");
        for (String[] bad :
                new String[][] {
                    {"bit(2)", "5", "OUT_OF_RANGE", "does not fit in 2 bits"},
                    {"bit(8)", "x", "INVALID_VALUE", "is not a number"},
                    {"blob", "\u20ac", "INVALID_VALUE", "not Canal's ISO-8859-1 form"},
                    {"int(11)", "x", "INVALID_VALUE", "is not a number"},
                    {"varchar(x)", "x", "INVALID_COLUMN", "whose length is not a number"}
                }) {
            String m =
                    message.replace("\"f\":\"bit(10)\"", "\"f\":\"" + bad[0] + "\"")
                            .replace("\"f\":\"513\"", "\"f\":\"" + bad[1] + "\"");
            assertThatThrownBy(() -> new ChangeDecoder(InputFormat.CANAL).decode(null, utf8(m)))
                    .isInstanceOfSatisfying(
                            RejectedRecordException.class,
                            x -> assertThat(x.reason().name()).isEqualTo(bad[2]))
                    .hasMessageContaining("table shop.t")
                    .hasMessageContaining("column 'f'")
                    .hasMessageContaining(bad[3]);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void parsesCanalEnumAndFloatTypes() {
        assertThat(CanalTypes.column("c", "enum('red','it''s')").enumValues())
                .containsExactly("red", "it's");
        assertThat(CanalTypes.column("c", "double unsigned zerofill").type())
                .isEqualTo("DOUBLE UNSIGNED");
        assertThat(CanalTypes.column("c", "datetime(3)").length()).isEqualTo(3);
        assertThat(new BigDecimal("1.5")).isNotNull();
    }
}
