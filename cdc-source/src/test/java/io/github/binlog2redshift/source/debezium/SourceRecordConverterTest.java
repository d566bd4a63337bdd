package io.github.binlog2redshift.source.debezium;

import static io.github.binlog2redshift.source.debezium.DebeziumRecords.typed;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.source.TablePkOverride;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.source.SourceChange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.cdc.connectors.mysql.source.offset.BinlogOffset;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/** Keys, positions, ops, PK overrides and dead letters of converted row changes. */
class SourceRecordConverterTest {

    private static final Schema KEY =
            SchemaBuilder.struct()
                    .name("mysql_binlog_source.shop.t.Key")
                    .field("b", Schema.STRING_SCHEMA)
                    .field("a", Schema.INT32_SCHEMA)
                    .build();

    private static final Schema ROW =
            SchemaBuilder.struct()
                    .name("mysql_binlog_source.shop.t.Value")
                    .field(
                            "a",
                            DebeziumRecords.required(SchemaBuilder.int32(), "INT", 11, null)
                                    .build())
                    .field(
                            "b",
                            DebeziumRecords.required(SchemaBuilder.string(), "VARCHAR", 10, null)
                                    .build())
                    .field("sku", typed(SchemaBuilder.string(), "VARCHAR", 10, null).build())
                    .optional()
                    .build();

    @Test
    void compositeKeyInKeySchemaOrderWithEscaping() {
        SourceChange c = deserialize(List.of(), update("product", "a.b\\c", 2, "mysql-bin.000012"));
        assertThat(c.deadLetterReason()).isNull();
        assertThat(new String(c.key(), StandardCharsets.UTF_8))
                .isEqualTo("shop.product.a\\.b\\\\c.2");
        assertThat(c.op()).isEqualTo(Op.UPDATE);
        assertThat(c.binlogFileSequence()).isEqualTo(12);
        assertThat(c.binlogPosition()).isEqualTo(4321);
    }

    @Test
    void binlogChangesCarryFullCoordinates() {
        ChangeEvent e = convert(List.of(), update("t", "k", 1, "mysql-bin.000003"));
        assertThat(e.source())
                .isEqualTo(
                        SourcePosition.binlog(
                                1, "mysql-bin.000003", 4321, 7, null, false, 1_700_000_000_000L));
        assertThat(e.primaryKey()).containsExactly("b", "a");
        assertThat(e.before()).containsEntry("sku", "old");
        assertThat(e.after()).containsEntry("sku", "new");
    }

    /**
     * source.position-epoch: rows, snapshot rows and DDL of the raised epoch order after the old
     * history's positions, however far it got.
     */
    @Test
    void aRaisedEpochIsCarriedByRowsSnapshotRowsAndDdl() {
        SourceRecordConverter raised = new SourceRecordConverter(List.of(), 1);
        ChangeEvent row = raised.convert(update("t", "k", 1, "mysql-bin.000001")).get(0);
        SourceRecord read = snapshotRead();
        SnapshotPositionEmitter.atPosition(
                read, BinlogOffset.ofBinlogFilePosition("mysql-bin.000001", 4));
        ChangeEvent snapshot = raised.convert(read).get(0);
        ChangeEvent ddl =
                raised.convert(
                                SchemaChangeConversionTest.ddlRecord(
                                        SchemaChangeConversionTest.TRUNCATE))
                        .get(0);
        ChangeEvent old = convert(List.of(), update("t", "k", 1, "mysql-bin.009999"));
        for (ChangeEvent e : List.of(row, snapshot, ddl)) {
            assertThat(e.source().epoch()).isEqualTo(1);
            assertThat(e.source().isAfter(old.source())).isTrue();
            assertThat(e.source().sortKey())
                    .startsWith("E001")
                    .isGreaterThan(old.source().sortKey());
        }
    }

    @Test
    void snapshotRowsSortBeforeEveryBinlogChange() {
        SourceRecord read = snapshotRead();
        ChangeEvent e = convert(List.of(), read);
        assertThat(e.op()).isEqualTo(Op.READ);
        assertThat(e.source().snapshot()).isTrue();
        assertThat(e.source().file()).isEmpty();
        assertThat(e.source().sortKey()).isEqualTo("000000000000:00000000000000000000:000000");
        ChangeEvent first = convert(List.of(), update("t", "k", 1, "mysql-bin.000001"));
        assertThat(first.source().isAfter(e.source())).isTrue();
    }

    @Test
    void snapshotRowsAtTheirChunksHighWatermarkSortBetweenTheChangesBeforeAndAfterIt() {
        SourceRecord read = snapshotRead();
        SnapshotPositionEmitter.atPosition(
                read, BinlogOffset.ofBinlogFilePosition("mysql-bin.000003", 4000));
        ChangeEvent e = convert(List.of(), read);
        assertThat(e.op()).isEqualTo(Op.READ);
        assertThat(e.source().snapshot()).isTrue();
        assertThat(e.source().file()).isEqualTo("mysql-bin.000003");
        assertThat(e.source().sortKey()).isEqualTo("000000000003:00000000000000004000:000000");
        ChangeEvent before = convert(List.of(), update("t", "k", 1, "mysql-bin.000002"));
        ChangeEvent later = convert(List.of(), update("t", "k", 1, "mysql-bin.000003"));
        assertThat(e.source().isAfter(before.source())).isTrue();
        assertThat(later.source().isAfter(e.source())).isTrue();
    }

    @Test
    void aHighWatermarkWithoutFileLeavesTheSnapshotRowAtZero() {
        SourceRecord read = snapshotRead();
        SnapshotPositionEmitter.atPosition(read, BinlogOffset.ofGtidSet("0-1-42"));
        assertThat(convert(List.of(), read).source().sortKey())
                .isEqualTo("000000000000:00000000000000000000:000000");
    }

    @Test
    void pkOverrideMatchesWholeNamesOnly() {
        List<TablePkOverride> overrides =
                TablePkOverride.parseList(
                        "[{\"db\": \"shop\", \"table\": \"product\", \"primary_key\": \"sku\"}]");
        assertThat(convert(overrides, update("product", "k", 1, "mysql-bin.000001")).primaryKey())
                .containsExactly("sku");
        // The reference's unanchored lookup also applied "product" to product_01.
        assertThat(
                        convert(overrides, update("product_01", "k", 1, "mysql-bin.000001"))
                                .primaryKey())
                .containsExactly("b", "a");
        assertThat(
                        new String(
                                deserialize(
                                                overrides,
                                                update("product", "k", 1, "mysql-bin.000001"))
                                        .key(),
                                StandardCharsets.UTF_8))
                .isEqualTo("shop.product.new");
    }

    @Test
    void aKeyColumnMissingFromTheRowBecomesADeadLetter() {
        List<TablePkOverride> overrides =
                TablePkOverride.parseList(
                        "[{\"db\": \"shop\", \"table\": \"t\", \"primary_key\": \"nope\"}]");
        SourceChange c = deserialize(overrides, update("t", "k", 1, "mysql-bin.000001"));
        assertThat(c.isDeadLetter()).isTrue();
        assertThat(c.deadLetterReason()).contains("key column 'nope'").contains("shop.t");
        assertThat(new String(c.value(), StandardCharsets.UTF_8))
                .contains("\"reason\"")
                .contains("\"event\":{\"before\"");
    }

    @Test
    void anUnconvertibleRecordBecomesADeadLetterNotAnException() {
        Schema odd =
                SchemaBuilder.struct()
                        .field(
                                "a",
                                DebeziumRecords.required(SchemaBuilder.int32(), "INT", 11, null)
                                        .build())
                        .field(
                                "m",
                                SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.STRING_SCHEMA)
                                        .optional()
                                        .build())
                        .optional()
                        .build();
        Struct after = new Struct(odd).put("a", 1).put("m", java.util.Map.of("x", "y"));
        SourceRecord r =
                DebeziumRecords.record(
                        null,
                        null,
                        odd,
                        "c",
                        null,
                        after,
                        DebeziumRecords.source("shop", "t", "mysql-bin.000001", 5, 0));
        SourceChange c = deserialize(List.of(), r);
        assertThat(c.isDeadLetter()).isTrue();
        assertThat(c.deadLetterReason()).contains("column m").contains("MAP");
        assertThat(c.tableName()).isEqualTo("shop.t");
    }

    private static SourceRecord update(String table, String b, int a, String file) {
        Struct before = new Struct(ROW).put("a", a).put("b", b).put("sku", "old");
        Struct after = new Struct(ROW).put("a", a).put("b", b).put("sku", "new");
        return DebeziumRecords.record(
                KEY,
                key(b, a),
                ROW,
                "u",
                before,
                after,
                DebeziumRecords.source("shop", table, file, 4321, 7));
    }

    /** A snapshot row of key ("k", 1) as Flink CDC emits it: no binlog file, position 0. */
    private static SourceRecord snapshotRead() {
        Struct after = new Struct(ROW).put("a", 1).put("b", "k").put("sku", "s");
        return DebeziumRecords.record(
                KEY,
                key("k", 1),
                ROW,
                "r",
                null,
                after,
                DebeziumRecords.source("shop", "t", "", 0, 0));
    }

    private static Struct key(String b, int a) {
        return new Struct(KEY).put("b", b).put("a", a);
    }

    private static ChangeEvent convert(List<TablePkOverride> overrides, SourceRecord r) {
        return new SourceRecordConverter(overrides).convert(r).get(0);
    }

    static SourceChange deserialize(List<TablePkOverride> overrides, SourceRecord r) {
        List<SourceChange> out = new ArrayList<>();
        new ChangeEventDeserializer(overrides)
                .deserialize(
                        r,
                        new Collector<>() {
                            @Override
                            public void collect(SourceChange record) {
                                out.add(record);
                            }

                            @Override
                            public void close() {}
                        });
        assertThat(out).hasSize(1);
        return out.get(0);
    }
}
