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
