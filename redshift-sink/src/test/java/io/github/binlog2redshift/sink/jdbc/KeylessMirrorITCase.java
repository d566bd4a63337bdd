package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.pos;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dedupe.LatestChangeOperator;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.route.ChangeRetention;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RowKeys;
import io.github.binlog2redshift.sink.serde.StagedChangeCodec;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
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
 * A table without a key mirrored as a multiset ({@code KeylessMerge}) on each real target: rows go
 * through the dedupe operator on the table's one key, the writer's staging (an UPDATE becomes the
 * row it replaces plus its own) and the merge. Rows that differ only in a JSON document, a NULL
 * against 0 / empty bytes, or a float are different rows; identical rows stay duplicates.
 */
@ExtendWith(LocalStackExtension.class)
class KeylessMirrorITCase {

    static final TargetTable LOG = new TargetTable("shop", "log");
    static final List<ColumnDef> COLS =
            List.of(
                    col("id", "INT", null, null),
                    col("note", "VARCHAR", 20, null),
                    col("amount", "DOUBLE", null, null),
                    col("doc", "JSON", null, null),
                    col("raw", "VARBINARY", 8, null));
    static final TableMode MIRROR = TableMode.defaults();

    static final Object[] A = {1, "a", 1.5, "{\"k\": 1}", "AQI="};
    static final Object[] A2 = {1, "a", 1.5, "{\"k\": 2}", "AQI="};
    static final Object[] A3 = {1, "a3", 1.5, "{\"k\": 2}", "AQI="};
    static final Object[] B = {2, "b", null, null, null};
    static final Object[] B2 = {2, "b2", null, null, null};
    static final Object[] C = {3, "c", 0.0, null, "AA=="};
    static final Object[] D = {3, "c", null, null, null};
    static final Object[] E = {4, "e", 2.25, "[1, 2]", null};
    static final Object[] F = {5, "f", 0.1, null, null};
    static final Object[] G = {6, "g", -0.5, "\"s\"", "/w=="};

    @TempDir Path dir;

    static Map<String, Object> image(Object[] v) {
        return row("id", v[0], "note", v[1], "amount", v[2], "doc", v[3], "raw", v[4]);
    }

    static ChangeEvent read(long at, Object[] v) {
        return ChangeEvent.read(StagedBatches.SOURCE, image(v), pos(at), 0, List.of(), COLS);
    }

    static ChangeEvent insert(long at, Object[] v) {
        return ChangeEvent.insert(StagedBatches.SOURCE, image(v), pos(at), 0, List.of(), COLS);
    }

    static ChangeEvent update(long at, Object[] from, Object[] to) {
        return ChangeEvent.update(
                StagedBatches.SOURCE, image(from), image(to), pos(at), 0, List.of(), COLS);
    }

    static ChangeEvent delete(long at, Object[] v) {
        return ChangeEvent.delete(StagedBatches.SOURCE, image(v), pos(at), 0, List.of(), COLS);
    }

    /** What the dedupe operator emits for one checkpoint of a mirrored keyless table. */
    static List<ChangeEvent> dedupe(TargetTable t, List<ChangeEvent> events) throws Exception {
        try (var harness =
                new KeyedOneInputStreamOperatorTestHarness<String, RoutedChange, StagedChange>(
                        new LatestChangeOperator(), RoutedChange::key, Types.STRING)) {
            harness.setup(
                    StagedChangeCodec.typeInfo().createSerializer(new SerializerConfigImpl()));
            harness.open();
            long offset = 0;
            for (ChangeEvent e : events) {
                harness.processElement(
                        new StreamRecord<>(
                                new RoutedChange(
                                        t,
                                        RowKeys.keylessTable(t),
                                        e,
                                        "cdc",
                                        0,
                                        offset++,
                                        ChangeRetention.EVERY)));
            }
            harness.prepareSnapshotPreBarrier(1);
            return harness.extractOutputValues().stream().map(StagedChange::event).toList();
        }
    }

    /** The target as a multiset: one line per distinct row, its count last. */
    static List<String> multiset(SinkTarget db) throws Exception {
        String doc = db.either("CAST(doc AS TEXT)", "JSON_SERIALIZE(doc)");
        return Rows.query(
                db,
                "SELECT id, note, amount, "
                        + doc
                        + " AS doc, raw IS NULL AS raw_null, COUNT(*) AS n FROM shop.log"
                        + " GROUP BY id, note, amount, "
                        + doc
                        + ", raw IS NULL ORDER BY id, note, amount, "
                        + doc
                        + ", raw IS NULL");
    }

    static String line(Object[] v, int count, SinkTarget db) {
        String doc =
                v[3] == null ? null : db.either((String) v[3], ((String) v[3]).replace(" ", ""));
        return String.join(
                "|",
                text(v[0]),
                text(v[1]),
                number(v[2], db),
                String.valueOf(doc),
                v[4] == null ? "t" : "f",
                text(count));
    }

    /** As each warehouse prints a DOUBLE: PostgreSQL drops a whole number's ".0". */
    private static String number(Object v, SinkTarget db) {
        if (v instanceof Double && (Double) v == Math.rint((Double) v)) {
            return db.either(String.valueOf(((Double) v).longValue()), String.valueOf(v));
        }
        return String.valueOf(v);
    }

    private static String text(Object v) {
        return String.valueOf(v);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void keepsDuplicatesAndRemovesOrReplacesExactlyOneEqualRow(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        List<ChangeEvent> snapshot =
                List.of(
                        read(1, A),
                        read(2, A),
                        read(3, A2),
                        read(4, B),
                        read(5, B),
                        read(6, C),
                        read(7, D),
                        read(8, E),
                        read(9, E),
                        read(10, E));
        List<ChangeEvent> batch2 =
                List.of(
                        delete(20, A), // one of two identical rows
                        update(21, B, B2), // one of two identical rows
                        delete(22, D), // not C: NULL is not 0
                        delete(23, E), // delete and insert again in one batch
                        insert(24, E),
                        insert(25, F), // inserted and deleted in one batch
                        delete(26, F),
                        update(27, A2, A3), // X -> Y -> X in one batch
                        update(28, A3, A2));
        List<ChangeEvent> batch3 =
                List.of(
                        delete(30, E), // two of three identical rows in one batch
                        delete(31, E),
                        update(32, B2, B), // back to a duplicate
                        insert(33, G), // two identical inserts
                        insert(34, G));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(stage(db, LOG, 1, MIRROR, dedupe(LOG, snapshot)));
            assertThat(multiset(db))
                    .containsExactly(
                            line(A, 2, db),
                            line(A2, 1, db),
                            line(B, 2, db),
                            line(C, 1, db),
                            line(D, 1, db),
                            line(E, 3, db));
            assertThat(
                            Rows.count(
                                    db,
                                    "SELECT COUNT(*) FROM information_schema.columns WHERE"
                                            + " table_schema = 'shop' AND table_name = 'log'"
                                            + " AND column_name = '_b2r_op'"))
                    .as("a mirror has no _b2r_op")
                    .isZero();

            TableCommittable second = stage(db, LOG, 2, MIRROR, dedupe(LOG, batch2));
            s.apply(second);
            List<String> afterSecond =
                    List.of(
                            line(A, 1, db),
                            line(A2, 1, db),
                            line(B, 1, db),
                            line(B2, 1, db),
                            line(C, 1, db),
                            line(E, 3, db));
            assertThat(multiset(db)).containsExactlyElementsOf(afterSecond);
            s.apply(second);
            assertThat(multiset(db)).as("a replay changes nothing").isEqualTo(afterSecond);

            // A column the source dropped and the target kept: rewritten rows keep its values.
            execute(db, "ALTER TABLE shop.log ADD COLUMN kept VARCHAR(10)");
            execute(db, "UPDATE shop.log SET kept = 'old'");
            s.apply(stage(db, LOG, 3, MIRROR, dedupe(LOG, batch3)));
        }
        assertThat(multiset(db))
                .containsExactly(
                        line(A, 1, db),
                        line(A2, 1, db),
                        line(B, 2, db),
                        line(C, 1, db),
                        line(E, 1, db),
                        line(G, 2, db));
        assertThat(Rows.query(db, "SELECT id, note, kept FROM shop.log ORDER BY id, note, kept"))
                .as("rows that were there keep their other columns; new rows have none")
                .containsExactly(
                        "1|a|old",
                        "1|a|old",
                        "2|b|old",
                        "2|b|null",
                        "3|c|old",
                        "4|e|old",
                        "6|g|null",
                        "6|g|null");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aChangeLogMadeBeforeStaysAChangeLog(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode append = MIRROR.withKeyless(KeylessMode.APPEND);
        List<ChangeEvent> logged = List.of(insert(1, A), insert(2, A));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(stage(db, LOG, 1, append, dedupe(LOG, logged)));
            s.apply(stage(db, LOG, 2, MIRROR, dedupe(LOG, List.of(update(3, A, B), delete(4, A)))));
        }
        assertThat(Rows.query(db, "SELECT id, note, _b2r_op AS op FROM shop.log ORDER BY _b2r_pos"))
                .as("the update's row, not the row it replaced; the delete's before image")
                .containsExactly("1|a|c", "1|a|c", "2|b|u", "1|a|d");
    }

    private static void execute(SinkTarget db, String sql) throws Exception {
        try (Connection c = db.connect();
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
