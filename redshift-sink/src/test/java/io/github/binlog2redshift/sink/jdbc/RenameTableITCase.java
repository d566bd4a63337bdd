package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.delete;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.internal.TableStaging;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A source RENAME TABLE followed on each real target, under both policies. */
@ExtendWith(LocalStackExtension.class)
class RenameTableITCase {

    static final TargetTable OLD = Evolving.ORDERS;
    static final TargetTable NEW = new TargetTable("shop", "orders_v2");
    static final List<String> PK = List.of("id");
    static final List<ColumnDef> COLS =
            List.of(col("id", "INT", null, null), col("note", "VARCHAR", 20, null));
    static final String TABLES =
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'shop'"
                    + " AND table_name LIKE 'orders%' ORDER BY table_name";

    @TempDir Path dir;

    /** The old name's rows: 1 and 2 inserted, 2 deleted (a tombstone). */
    void loadOldName(SinkTarget db, WarehouseSession s) throws Exception {
        s.apply(
                Evolving.stage(
                        db,
                        OLD,
                        1,
                        TableMode.defaults(),
                        List.of(
                                upsert(COLS, PK, 10, row("id", 1, "note", "one")),
                                upsert(COLS, PK, 11, row("id", 2, "note", "two")),
                                delete(COLS, PK, 12, row("id", 2, "note", "two")))));
    }

    /** The rename and a row of the new name, staged as the writer stages them. */
    TableCommittable renamed(SinkTarget db, long checkpoint, long position) throws Exception {
        TableStaging staging = Evolving.staging(db, NEW, TableMode.defaults());
        ChangeEvent rename = ddl("RENAME TABLE orders TO orders_v2", position, COLS, PK);
        staging.add(rename, OLD);
        staging.add(upsert(COLS, PK, position + 1, row("id", 3, "note", "three")));
        return staging.finish().withCheckpointId(checkpoint);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void followRenamesTheTargetAndItsTombstonesOnceAndCopiesFindItDone(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            loadOldName(db, s);
            s.apply(renamed(db, 2, 20));
            // The copy another subtask (or a replay) brings: already done, nothing fails.
            s.apply(renamed(db, 3, 20));
        }
        // On Redshift each table has its own commit ledger too; a renamed table keeps its old
        // one, where committables of the old name find their rows.
        assertThat(Rows.query(db, TABLES))
                .containsExactlyElementsOf(
                        db.either(
                                List.of(
                                        "orders_v2",
                                        "orders_v2_b2r_deleted",
                                        "orders_v2_b2r_ranges"),
                                List.of(
                                        "orders_b2r_ledger",
                                        "orders_v2",
                                        "orders_v2_b2r_deleted",
                                        "orders_v2_b2r_ledger",
                                        "orders_v2_b2r_ranges")));
        assertThat(Rows.of(db, NEW)).containsExactly("1|one", "3|three");
        assertThat(Rows.query(db, "SELECT id FROM shop.orders_v2_b2r_deleted"))
                .containsExactly("2");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void ignoreKeepsTheOldTargetAndLoadsTheNewNameIntoANewOne(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        SchemaPolicy ignore =
                SchemaPolicy.defaults().withRenameTable(SchemaPolicy.RenameTable.IGNORE);
        try (WarehouseSession s = session(db, ignore)) {
            loadOldName(db, s);
            s.apply(renamed(db, 2, 20));
        }
        assertThat(Rows.of(db, OLD)).containsExactly("1|one");
        assertThat(Rows.of(db, NEW)).containsExactly("3|three");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void whenTheNewTargetExistsAlreadyBothAreKept(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            loadOldName(db, s);
            s.apply(
                    Evolving.stage(
                            db,
                            NEW,
                            2,
                            TableMode.defaults(),
                            List.of(upsert(COLS, PK, 21, row("id", 4, "note", "four")))));
            s.apply(renamed(db, 3, 20));
        }
        assertThat(Rows.of(db, OLD)).containsExactly("1|one");
        assertThat(Rows.of(db, NEW)).containsExactly("3|three", "4|four");
    }
}
