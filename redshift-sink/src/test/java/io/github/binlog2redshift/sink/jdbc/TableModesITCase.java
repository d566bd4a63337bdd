package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.columns;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.delete;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each per-table mode of a {@code sink.tables} rule, against each real target. */
@ExtendWith(LocalStackExtension.class)
class TableModesITCase {

    static final List<String> PK = List.of("id");
    static final List<ColumnDef> COLS =
            List.of(col("id", "INT", null, null), col("note", "VARCHAR", 20, null));

    @TempDir Path dir;

    static TableMode mode(DeleteHandling deletes, DeleteArchive archive, boolean history) {
        TableMode d = TableMode.defaults();
        return new TableMode(false, deletes, archive, history, d.distStyle(), d.sortKey());
    }

    /** Checkpoint 1 inserts 1 and 2; checkpoint 2 updates 1 and deletes 2 (at position 30). */
    void insertUpdateDelete(SinkTarget db, WarehouseSession s, TableMode mode, List<String> pk)
            throws Exception {
        s.apply(
                stage(
                        db,
                        ORDERS,
                        1,
                        mode,
                        List.of(
                                upsert(COLS, pk, 10, row("id", 1, "note", "one")),
                                upsert(COLS, pk, 11, row("id", 2, "note", "two")))));
        s.apply(
                stage(
                        db,
                        ORDERS,
                        2,
                        mode,
                        List.of(
                                upsert(COLS, pk, 20, row("id", 1, "note", "uno")),
                                delete(COLS, pk, 30, row("id", 2, "note", "two")))));
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void skipDeleteKeepsRowsDeletedAtTheSource(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            insertUpdateDelete(db, s, mode(DeleteHandling.SKIP, DeleteArchive.NONE, false), PK);
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|uno", "2|two");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void softDeleteFlagsTheRowWithTheSourceTimeAndAReinsertClearsIt(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode soft = mode(DeleteHandling.SOFT, DeleteArchive.NONE, false);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            insertUpdateDelete(db, s, soft, PK);
            String q =
                    "SELECT id, note, _b2r_deleted AS deleted, _b2r_deleted_at = _b2r_ts AS at_source_time FROM shop.orders ORDER BY id";
            assertThat(Rows.query(db, q)).containsExactly("1|uno|f|null", "2|two|t|t");
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            soft,
                            List.of(upsert(COLS, PK, 40, row("id", 2, "note", "back")))));
            assertThat(Rows.query(db, q)).containsExactly("1|uno|f|null", "2|back|f|null");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void saveDeleteAlsoArchivesDeletedRows(Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            insertUpdateDelete(
                    db, s, mode(DeleteHandling.APPLY, DeleteArchive.ALSO_SAVE, false), PK);
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|uno");
            assertThat(
                            Rows.query(
                                    db,
                                    "SELECT id, note, _b2r_pos AS pos, _b2r_deleted_at IS NOT NULL AS has_time FROM shop.orders_delete"))
                    .containsExactly("2|two|" + StagedBatches.pos(30).sortKey() + "|t");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void onlySaveDeleteWritesOnlyTheArchive(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            insertUpdateDelete(
                    db, s, mode(DeleteHandling.APPLY, DeleteArchive.ONLY_SAVE, false), PK);
            assertThat(
                            Rows.count(
                                    db,
                                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'shop' AND table_name = 'orders'"))
                    .isZero();
            assertThat(Rows.of(db, ORDERS.withSuffix("_delete"))).containsExactly("2|two");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void historyAppendsEveryStagedChangeWithItsOperation(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            insertUpdateDelete(db, s, mode(DeleteHandling.APPLY, DeleteArchive.NONE, true), PK);
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|uno");
            assertThat(
                            Rows.query(
                                    db,
                                    "SELECT id, note, _b2r_op AS op FROM shop.orders_history ORDER BY _b2r_pos"))
                    .containsExactly("1|one|c", "2|two|c", "1|uno|c", "2|two|d");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aTableWithoutKeyInAppendModeIsAChangeLog(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            insertUpdateDelete(
                    db, s, TableMode.defaults().withKeyless(KeylessMode.APPEND), List.of());
            assertThat(
                            Rows.query(
                                    db,
                                    "SELECT id, note, _b2r_op AS op FROM shop.orders ORDER BY _b2r_pos"))
                    .containsExactly("1|one|c", "2|two|c", "1|uno|c", "2|two|d");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void ignoreDdlWritesOnlyTheUserTablesColumnsCastToItsTypesAndNeverAltersIt(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode user = TableMode.defaults().withIgnoreDdl(true);
        var v2 =
                List.of(
                        col("id", "INT", null, null),
                        col("note", "VARCHAR", 20, null),
                        col("extra", "INT", null, null));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            assertThatThrownBy(
                            () ->
                                    s.apply(
                                            stage(
                                                    db,
                                                    ORDERS,
                                                    1,
                                                    user,
                                                    List.of(
                                                            upsert(
                                                                    COLS,
                                                                    PK,
                                                                    10,
                                                                    row("id", 1, "note", "one"))))))
                    .hasMessageContaining(
                            "table shop.orders does not exist; its table rule sets ignore_ddl");
            try (Connection c = db.connect()) {
                // The user's own table, in each target's SQL: Redshift's current time is GETDATE().
                c.createStatement()
                        .execute(
                                "CREATE TABLE shop.orders (id BIGINT PRIMARY KEY, note TEXT,"
                                        + " loaded_at TIMESTAMPTZ DEFAULT "
                                        + db.either("now()", "GETDATE()")
                                        + ")");
            }
            insertUpdateDelete(db, s, user, PK);
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            user,
                            List.of(
                                    ddl("ALTER TABLE orders ADD extra INT", 40, v2, PK),
                                    upsert(
                                            v2,
                                            PK,
                                            50,
                                            row("id", 3, "note", "three", "extra", 9)))));
            assertThat(columns(db, ORDERS))
                    .containsExactly(
                            "id bigint",
                            // Redshift's TEXT is VARCHAR(256) (Redshift "Character types").
                            db.either("note text", "note character varying(256)"),
                            "loaded_at timestamp with time zone");
            assertThat(
                            Rows.query(
                                    db,
                                    "SELECT id, note, loaded_at IS NOT NULL FROM shop.orders ORDER BY id"))
                    .containsExactly("1|uno|t", "3|three|t");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void optInTruncationLandsWithItsMarkerColumn(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var guard =
                new io.github.binlog2redshift.sink.ingest.ValueGuard(
                        new io.github.binlog2redshift.sink.dialect.RedshiftDialect(),
                        SchemaPolicy.Oversize.TRUNCATE);
        var cols = List.of(col("id", "INT", null, null), col("body", "TEXT", null, null));
        var cut =
                guard.check(ORDERS, upsert(cols, PK, 20, row("id", 2, "body", "y".repeat(70_000))));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            TableMode.defaults(),
                            List.of(upsert(cols, PK, 10, row("id", 1, "body", "short")), cut)));
            assertThat(
                            Rows.query(
                                    db,
                                    "SELECT id, length(body), _b2r_truncated AS truncated FROM shop.orders ORDER BY id"))
                    .containsExactly("1|5|null", "2|65535|body");
        }
    }
}
