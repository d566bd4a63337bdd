package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.pos;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dedupe.LatestChangeOperator;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.route.ChangeRetention;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RowKeys;
import io.github.binlog2redshift.sink.serde.StagedChangeCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * History and keyless change logs get every change of an interval: changes go through the dedupe
 * operator as the router marks them, are staged by the writer's {@code TableStaging} and applied to
 * each real target.
 */
@ExtendWith(LocalStackExtension.class)
class EveryChangeITCase {

    static final TargetTable ORDERS = Evolving.ORDERS;
    static final TargetTable LOG = new TargetTable("shop", "log");
    static final List<ColumnDef> COLS =
            List.of(col("id", "INT", null, null), col("note", "VARCHAR", 20, null));

    @TempDir Path dir;

    static ChangeEvent insert(List<String> pk, long at, int id, String note) {
        return ChangeEvent.insert(
                StagedBatches.SOURCE, row("id", id, "note", note), pos(at), 0, pk, COLS);
    }

    static ChangeEvent update(long at, int id, String note) {
        Map<String, Object> after = row("id", id, "note", note);
        return ChangeEvent.update(
                StagedBatches.SOURCE, null, after, pos(at), 0, List.of("id"), COLS);
    }

    static ChangeEvent delete(List<String> pk, long at, int id, String note) {
        return ChangeEvent.delete(
                StagedBatches.SOURCE, row("id", id, "note", note), pos(at), 0, pk, COLS);
    }

    /** What the dedupe operator emits for one checkpoint of {@code events}, all kept. */
    static List<ChangeEvent> dedupe(TargetTable t, List<ChangeEvent> events) throws Exception {
        try (var harness =
                new KeyedOneInputStreamOperatorTestHarness<String, RoutedChange, StagedChange>(
                        new LatestChangeOperator(), RoutedChange::key, Types.STRING)) {
            harness.setup(
                    StagedChangeCodec.typeInfo().createSerializer(new SerializerConfigImpl()));
            harness.open();
            long offset = 0;
            for (ChangeEvent e : events) {
                String key = RowKeys.row(t, e.primaryKey(), e.keyImage());
                harness.processElement(
                        new StreamRecord<>(
                                new RoutedChange(
                                        t, key, e, "cdc", 0, offset++, ChangeRetention.EVERY)));
            }
            harness.prepareSnapshotPreBarrier(1);
            return harness.extractOutputValues().stream().map(StagedChange::event).toList();
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void historyHasEveryChangeWithItsOpAndPositionAndTheTargetTheNewest(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode d = TableMode.defaults();
        TableMode history =
                new TableMode(
                        false,
                        DeleteHandling.APPLY,
                        DeleteArchive.NONE,
                        true,
                        d.distStyle(),
                        d.sortKey());
        List<String> pk = List.of("id");
        List<ChangeEvent> batch1 =
                List.of(
                        insert(pk, 10, 1, "a"),
                        update(11, 1, "b"),
                        insert(pk, 12, 2, "x"),
                        update(13, 1, "c"),
                        delete(pk, 14, 2, "x"),
                        insert(pk, 15, 2, "y"));
        List<ChangeEvent> batch2 = List.of(delete(pk, 20, 1, "c"), update(21, 2, "z"));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(stage(db, ORDERS, 1, history, dedupe(ORDERS, batch1)));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|c", "2|y");
            s.apply(stage(db, ORDERS, 2, history, dedupe(ORDERS, batch2)));
            assertThat(Rows.of(db, ORDERS)).containsExactly("2|z");
        }
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, note, _b2r_op AS op, _b2r_pos AS pos"
                                        + " FROM shop.orders_history ORDER BY _b2r_pos"))
                .containsExactly(
                        "1|a|c|" + pos(10).sortKey(),
                        "1|b|u|" + pos(11).sortKey(),
                        "2|x|c|" + pos(12).sortKey(),
                        "1|c|u|" + pos(13).sortKey(),
                        "2|x|d|" + pos(14).sortKey(),
                        "2|y|c|" + pos(15).sortKey(),
                        "1|c|d|" + pos(20).sortKey(),
                        "2|z|u|" + pos(21).sortKey());
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aKeylessChangeLogGetsEveryInsertIncludingExactDuplicates(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        List<String> none = List.of();
        List<ChangeEvent> batch =
                List.of(
                        insert(none, 30, 1, "same"),
                        insert(none, 31, 1, "same"),
                        insert(none, 32, 2, "other"),
                        delete(none, 33, 2, "other"),
                        insert(none, 34, 1, "same"));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            TableMode log = TableMode.defaults().withKeyless(KeylessMode.APPEND);
            s.apply(stage(db, LOG, 1, log, dedupe(LOG, batch)));
        }
        assertThat(Rows.query(db, "SELECT id, note, _b2r_op AS op FROM shop.log ORDER BY _b2r_pos"))
                .containsExactly("1|same|c", "1|same|c", "2|other|c", "2|other|d", "1|same|c");
    }
}
