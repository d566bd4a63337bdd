package io.github.binlog2redshift.sink.jdbc;

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
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Append-only targets get each change once however often it is delivered (issue 15). Two ways a
 * change comes again, both as the committer sees them: cdc-source's at-least-once delivery (a
 * restart re-sends changes from an earlier binlog position, in a later interval and within one) and
 * a sink restored from an older savepoint (the same changes staged again, under checkpoint ids used
 * before and new staging ids, so the commit ledger does not know them). Two changes with the same
 * content at two positions are two changes and both land, as do two identical rows of one snapshot
 * chunk (one watermark) and changes without binlog positions.
 */
@ExtendWith(LocalStackExtension.class)
class ReplayedChangesITCase {

    static final TargetTable ORDERS = Evolving.ORDERS;
    static final TargetTable LOG = KeylessMirrorITCase.LOG;
    static final List<String> PK = List.of("id");

    @TempDir Path dir;

    static TableMode withSideTables(TableMode base) {
        return new TableMode(
                        false,
                        DeleteHandling.APPLY,
                        DeleteArchive.ALSO_SAVE,
                        true,
                        base.distStyle(),
                        base.sortKey())
                .withKeyless(base.keyless());
    }

    /** A snapshot read at its chunk's high watermark {@code at} of binlog file 3. */
    static SourcePosition watermark(long at) {
        return SourcePosition.binlog(0, "mysql-bin.000003", at, 0, null, true, 0);
    }

    static SourcePosition noPosition() {
        return new SourcePosition(0, null, 0, 0, 0, null, false, 1_700_000_000_000L);
    }

    @SafeVarargs
    static List<ChangeEvent> concat(List<ChangeEvent>... parts) {
        List<ChangeEvent> all = new ArrayList<>();
        for (List<ChangeEvent> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void historyAndArchiveOfAKeyedTableGetEachChangeOnce(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode mode = withSideTables(TableMode.defaults());
        ChangeEvent snapshot =
                ChangeEvent.read(
                        StagedBatches.SOURCE,
                        row("id", 3, "note", "snap"),
                        watermark(5),
                        0,
                        PK,
                        EveryChangeITCase.COLS);
        List<ChangeEvent> first =
                List.of(
                        snapshot,
                        EveryChangeITCase.insert(PK, 10, 1, "a"),
                        EveryChangeITCase.update(11, 1, "b"),
                        EveryChangeITCase.insert(PK, 12, 2, "x"),
                        EveryChangeITCase.delete(PK, 13, 2, "x"));
        // cdc-source restarted from 11: 11..13 again, then new changes; 14 and 15 are equal.
        List<ChangeEvent> second =
                List.of(
                        EveryChangeITCase.update(11, 1, "b"),
                        EveryChangeITCase.insert(PK, 12, 2, "x"),
                        EveryChangeITCase.delete(PK, 13, 2, "x"),
                        EveryChangeITCase.update(14, 1, "c"),
                        EveryChangeITCase.update(15, 1, "c"));
        List<ChangeEvent> third = List.of(EveryChangeITCase.delete(PK, 20, 3, "snap"));
        List<ChangeEvent> dmsLike = List.of(noPositionUpdate(4, "p"));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(stage(db, ORDERS, 1, mode, EveryChangeITCase.dedupe(ORDERS, first)));
            s.apply(stage(db, ORDERS, 2, mode, EveryChangeITCase.dedupe(ORDERS, second)));
            // Restored from the savepoint before checkpoint 1: everything is read again.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            mode,
                            EveryChangeITCase.dedupe(ORDERS, concat(first, second))));
            s.apply(stage(db, ORDERS, 2, mode, EveryChangeITCase.dedupe(ORDERS, third)));
            // Two changes without binlog positions, equal in content: both are changes.
            s.apply(stage(db, ORDERS, 3, mode, EveryChangeITCase.dedupe(ORDERS, dmsLike)));
            s.apply(stage(db, ORDERS, 4, mode, EveryChangeITCase.dedupe(ORDERS, dmsLike)));
        }
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, note, _b2r_op AS op, _b2r_pos AS pos"
                                        + " FROM shop.orders_history ORDER BY _b2r_pos, id"))
                .containsExactly(
                        "4|p|u|" + noPosition().sortKey(),
                        "4|p|u|" + noPosition().sortKey(),
                        "3|snap|r|" + watermark(5).sortKey(),
                        "1|a|c|" + pos(10).sortKey(),
                        "1|b|u|" + pos(11).sortKey(),
                        "2|x|c|" + pos(12).sortKey(),
                        "2|x|d|" + pos(13).sortKey(),
                        "1|c|u|" + pos(14).sortKey(),
                        "1|c|u|" + pos(15).sortKey(),
                        "3|snap|d|" + pos(20).sortKey());
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, note, _b2r_pos AS pos FROM shop.orders_delete"
                                        + " ORDER BY _b2r_pos"))
                .containsExactly("2|x|" + pos(13).sortKey(), "3|snap|" + pos(20).sortKey());
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|c", "4|p");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void anEpochAboveZeroIdentifiesItsBinlogChangesOnlyToo(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode mode = withSideTables(TableMode.defaults());
        SourcePosition binlog = pos(10).withEpoch(1);
        SourcePosition noFile = new SourcePosition(1, 0, null, 0, 0, 0, null, true, 0);
        List<ChangeEvent> first = List.of(epochRead(noFile, "old"), epochUpdate(binlog, "after"));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(stage(db, ORDERS, 1, mode, EveryChangeITCase.dedupe(ORDERS, first)));
            // Read again: the binlog change is known; a read without a file is no identity.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            mode,
                            EveryChangeITCase.dedupe(
                                    ORDERS, List.of(epochRead(noFile, "again"), first.get(1)))));
        }
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, note, _b2r_op AS op FROM shop.orders_history"
                                        + " ORDER BY _b2r_pos, note"))
                .containsExactly("7|again|r", "7|old|r", "7|after|u");
    }

    private static ChangeEvent epochRead(SourcePosition at, String note) {
        return ChangeEvent.read(
                StagedBatches.SOURCE,
                row("id", 7, "note", note),
                at,
                0,
                PK,
                EveryChangeITCase.COLS);
    }

    private static ChangeEvent epochUpdate(SourcePosition at, String note) {
        return ChangeEvent.update(
                StagedBatches.SOURCE,
                null,
                row("id", 7, "note", note),
                at,
                0,
                PK,
                EveryChangeITCase.COLS);
    }

    private static ChangeEvent noPositionUpdate(int id, String note) {
        return ChangeEvent.update(
                StagedBatches.SOURCE,
                null,
                row("id", id, "note", note),
                noPosition(),
                0,
                PK,
                EveryChangeITCase.COLS);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aKeylessChangeLogGetsEachBinlogChangeOnce(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode log = TableMode.defaults().withKeyless(KeylessMode.APPEND);
        List<String> none = List.of();
        List<ChangeEvent> first =
                List.of(
                        logRead(watermark(5), 9, "s"),
                        logRead(watermark(5), 9, "s"),
                        EveryChangeITCase.insert(none, 30, 1, "same"),
                        EveryChangeITCase.insert(none, 31, 1, "same"),
                        EveryChangeITCase.insert(none, 32, 2, "other"),
                        EveryChangeITCase.delete(none, 33, 2, "other"));
        // Re-sent from 31, and 34 twice within the interval.
        List<ChangeEvent> second =
                List.of(
                        EveryChangeITCase.insert(none, 31, 1, "same"),
                        EveryChangeITCase.insert(none, 32, 2, "other"),
                        EveryChangeITCase.delete(none, 33, 2, "other"),
                        EveryChangeITCase.insert(none, 34, 1, "same"),
                        EveryChangeITCase.insert(none, 34, 1, "same"));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(stage(db, LOG, 1, log, EveryChangeITCase.dedupe(LOG, first)));
            s.apply(stage(db, LOG, 2, log, EveryChangeITCase.dedupe(LOG, second)));
            // Restored from the savepoint of checkpoint 1: the second interval is read again.
            s.apply(stage(db, LOG, 2, log, EveryChangeITCase.dedupe(LOG, second)));
        }
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, note, _b2r_op AS op, _b2r_pos AS pos FROM shop.log"
                                        + " ORDER BY _b2r_pos, _b2r_op"))
                .containsExactly(
                        "9|s|r|" + watermark(5).sortKey(),
                        "9|s|r|" + watermark(5).sortKey(),
                        "1|same|c|" + pos(30).sortKey(),
                        "1|same|c|" + pos(31).sortKey(),
                        "2|other|c|" + pos(32).sortKey(),
                        "2|other|d|" + pos(33).sortKey(),
                        "1|same|c|" + pos(34).sortKey());
    }

    private static ChangeEvent logRead(SourcePosition at, int id, String note) {
        return ChangeEvent.read(
                StagedBatches.SOURCE,
                row("id", id, "note", note),
                at,
                0,
                List.of(),
                EveryChangeITCase.COLS);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aKeylessMirrorItsHistoryAndArchiveGetEachBinlogChangeOnce(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode mode = withSideTables(KeylessMirrorITCase.MIRROR);
        Object[] a = KeylessMirrorITCase.A;
        Object[] b = KeylessMirrorITCase.B;
        Object[] c = KeylessMirrorITCase.C;
        Object[] e = KeylessMirrorITCase.E;
        // Two identical rows of one snapshot chunk, and two identical inserts at two positions.
        List<ChangeEvent> first =
                List.of(
                        mirrorRead(a),
                        mirrorRead(a),
                        KeylessMirrorITCase.insert(10, b),
                        KeylessMirrorITCase.insert(11, b),
                        KeylessMirrorITCase.delete(12, a));
        // Re-sent from 10; 14 twice within the interval.
        List<ChangeEvent> second =
                List.of(
                        KeylessMirrorITCase.insert(10, b),
                        KeylessMirrorITCase.insert(11, b),
                        KeylessMirrorITCase.delete(12, a),
                        KeylessMirrorITCase.update(13, b, c),
                        KeylessMirrorITCase.insert(14, e),
                        KeylessMirrorITCase.insert(14, e));
        List<ChangeEvent> third = List.of(KeylessMirrorITCase.delete(20, e));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(stage(db, LOG, 1, mode, KeylessMirrorITCase.dedupe(LOG, first)));
            s.apply(stage(db, LOG, 2, mode, KeylessMirrorITCase.dedupe(LOG, second)));
            assertThat(KeylessMirrorITCase.multiset(db))
                    .containsExactly(
                            KeylessMirrorITCase.line(a, 1, db),
                            KeylessMirrorITCase.line(b, 1, db),
                            KeylessMirrorITCase.line(c, 1, db),
                            KeylessMirrorITCase.line(e, 1, db));
            // Restored from the savepoint of checkpoint 1: the second interval is read again.
            s.apply(stage(db, LOG, 2, mode, KeylessMirrorITCase.dedupe(LOG, second)));
            s.apply(stage(db, LOG, 3, mode, KeylessMirrorITCase.dedupe(LOG, third)));
        }
        assertThat(KeylessMirrorITCase.multiset(db))
                .containsExactly(
                        KeylessMirrorITCase.line(a, 1, db),
                        KeylessMirrorITCase.line(b, 1, db),
                        KeylessMirrorITCase.line(c, 1, db));
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, note, _b2r_op AS op, _b2r_pos AS pos"
                                        + " FROM shop.log_history ORDER BY _b2r_pos, _b2r_op"))
                .containsExactly(
                        "1|a|r|" + watermark(5).sortKey(),
                        "1|a|r|" + watermark(5).sortKey(),
                        "2|b|c|" + pos(10).sortKey(),
                        "2|b|c|" + pos(11).sortKey(),
                        "1|a|d|" + pos(12).sortKey(),
                        "3|c|u|" + pos(13).sortKey(),
                        "4|e|c|" + pos(14).sortKey(),
                        "4|e|d|" + pos(20).sortKey());
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, note, _b2r_pos AS pos FROM shop.log_delete"
                                        + " ORDER BY _b2r_pos"))
                .containsExactly("1|a|" + pos(12).sortKey(), "4|e|" + pos(20).sortKey());
        assertThat(Rows.query(db, "SELECT _b2r_pos AS pos FROM shop.log_b2r_applied"))
                .as("the horizon keeps one row, the newest binlog change applied")
                .containsExactly(pos(20).sortKey());
    }

    private static ChangeEvent mirrorRead(Object[] v) {
        return ChangeEvent.read(
                StagedBatches.SOURCE,
                KeylessMirrorITCase.image(v),
                watermark(5),
                0,
                List.of(),
                KeylessMirrorITCase.COLS);
    }
}
