package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.columns;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.policy;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.delete;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.SchemaPolicy.DropColumn;
import io.github.binlog2redshift.config.sink.SchemaPolicy.DropTable;
import io.github.binlog2redshift.config.sink.SchemaPolicy.TypeChange;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Schema changes interleaved with rows in one checkpoint, applied to each real target: the table's
 * columns, types and rows afterwards. Types are each target's documented mapping ({@code
 * docs/tables.md}): a MySQL VARCHAR(n) is VARCHAR(n) on PostgreSQL and VARCHAR(4n) on Redshift,
 * whose lengths are UTF-8 bytes. Rows staged before a DDL carry the old columns, as they do when
 * the writer meets them.
 */
@ExtendWith(LocalStackExtension.class)
class SchemaEvolutionITCase {

    static final List<String> PK = List.of("id");
    static final ColumnDef ID = col("id", "INT", null, null);
    static final List<ColumnDef> V1 = List.of(ID, col("note", "VARCHAR", 20, null));
    static final TableMode MIRROR = TableMode.defaults();

    @TempDir Path dir;

    void seed(SinkTarget db, WarehouseSession s) throws Exception {
        s.apply(
                stage(
                        db,
                        ORDERS,
                        1,
                        MIRROR,
                        List.of(upsert(V1, PK, 10, row("id", 1, "note", "one")))));
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void addColumnWithRowsBeforeAndAfterIt(Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var v2 = List.of(ID, col("note", "VARCHAR", 20, null), col("qty", "DECIMAL", 10, 2));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            seed(db, s);
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            MIRROR,
                            List.of(
                                    upsert(V1, PK, 20, row("id", 2, "note", "before")),
                                    ddl(
                                            "ALTER TABLE orders ADD COLUMN qty DECIMAL(10,2)",
                                            30,
                                            v2,
                                            PK),
                                    upsert(
                                            v2,
                                            PK,
                                            40,
                                            row("id", 3, "note", "after", "qty", "1.50")))));
            assertThat(columns(db, ORDERS))
                    .containsExactly(
                            "id integer",
                            db.either("note character varying(20)", "note character varying(80)"),
                            "qty numeric(10,2)");
            assertThat(Rows.of(db, ORDERS))
                    .containsExactly("1|one|null", "2|before|null", "3|after|1.50");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void droppedColumnIsKeptByDefaultAndDroppedByPolicy(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var v2 = List.of(ID);
        var events =
                List.of(
                        upsert(V1, PK, 20, row("id", 2, "note", "before drop")),
                        ddl("ALTER TABLE orders DROP COLUMN `note`", 30, v2, PK),
                        upsert(v2, PK, 40, row("id", 3)));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            seed(db, s);
            s.apply(stage(db, ORDERS, 2, MIRROR, events));
            assertThat(columns(db, ORDERS))
                    .containsExactly(
                            "id integer",
                            db.either("note character varying(20)", "note character varying(80)"));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|one", "2|before drop", "3|null");
        }
        var other = new io.github.binlog2redshift.sink.TargetTable("shop", "orders_dropping");
        try (WarehouseSession s =
                session(db, policy(DropColumn.DROP, TypeChange.FAIL, DropTable.IGNORE))) {
            s.apply(
                    stage(
                            db,
                            other,
                            1,
                            MIRROR,
                            List.of(upsert(V1, PK, 10, row("id", 1, "note", "one")))));
            s.apply(stage(db, other, 2, MIRROR, events));
            assertThat(columns(db, other)).containsExactly("id integer");
            assertThat(Rows.of(db, other)).containsExactly("1", "2", "3");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void renameMovesValuesStagedUnderTheOldName(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var v2 = List.of(ID, col("remark", "VARCHAR", 20, null));
        var v3 = List.of(ID, col("memo", "VARCHAR", 200, null));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            seed(db, s);
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            MIRROR,
                            List.of(
                                    upsert(V1, PK, 20, row("id", 2, "note", "old name")),
                                    ddl(
                                            "ALTER TABLE orders RENAME COLUMN note TO remark",
                                            30,
                                            v2,
                                            PK),
                                    upsert(v2, PK, 40, row("id", 3, "remark", "new name")))));
            assertThat(columns(db, ORDERS))
                    .containsExactly(
                            "id integer",
                            db.either(
                                    "remark character varying(20)",
                                    "remark character varying(80)"));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|one", "2|old name", "3|new name");
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            MIRROR,
                            List.of(
                                    ddl(
                                            "ALTER TABLE orders CHANGE COLUMN `remark` `memo` VARCHAR(200) COMMENT 'drop x'",
                                            50,
                                            v3,
                                            PK),
                                    upsert(v3, PK, 60, row("id", 4, "memo", "x".repeat(150))))));
            assertThat(columns(db, ORDERS))
                    .containsExactly(
                            "id integer",
                            db.either(
                                    "memo character varying(200)", "memo character varying(800)"));
            assertThat(Rows.of(db, ORDERS)).hasSize(4).contains("1|one", "4|" + "x".repeat(150));
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void wideningTypesFollowsTheSourceAndNarrowingKeepsTheWiderType(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var v1 =
                List.of(
                        ID,
                        col("note", "VARCHAR", 20, null),
                        col("n", "SMALLINT", null, null),
                        col("amount", "DECIMAL", 6, 2));
        var v2 =
                List.of(
                        ID,
                        col("note", "VARCHAR", 300, null),
                        col("n", "INT", null, null),
                        col("amount", "DECIMAL", 14, 4));
        var v3 =
                List.of(
                        ID,
                        col("note", "VARCHAR", 10, null),
                        col("n", "TINYINT", null, null),
                        col("amount", "DECIMAL", 8, 2));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            MIRROR,
                            List.of(
                                    upsert(
                                            v1,
                                            PK,
                                            10,
                                            row(
                                                    "id", 1, "note", "one", "n", 7, "amount",
                                                    "1234.56")))));
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            MIRROR,
                            List.of(
                                    ddl(
                                            "ALTER TABLE orders MODIFY note VARCHAR(300), MODIFY n INT, MODIFY amount DECIMAL(14,4)",
                                            20,
                                            v2,
                                            PK),
                                    upsert(
                                            v2,
                                            PK,
                                            30,
                                            row(
                                                    "id",
                                                    2,
                                                    "note",
                                                    "y".repeat(300),
                                                    "n",
                                                    100_000,
                                                    "amount",
                                                    "1234567890.1234")))));
            List<String> widened =
                    List.of(
                            "id integer",
                            db.either(
                                    "note character varying(300)", "note character varying(1200)"),
                            "n integer",
                            "amount numeric(14,4)");
            assertThat(columns(db, ORDERS)).containsExactlyElementsOf(widened);
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            MIRROR,
                            List.of(
                                    ddl(
                                            "ALTER TABLE orders MODIFY note VARCHAR(10), MODIFY n TINYINT, MODIFY amount DECIMAL(8,2)",
                                            40,
                                            v3,
                                            PK))));
            assertThat(columns(db, ORDERS)).containsExactlyElementsOf(widened);
            assertThat(Rows.of(db, ORDERS))
                    .containsExactly(
                            "1|one|7|1234.5600",
                            "2|" + "y".repeat(300) + "|100000|1234567890.1234");
        }
    }

    /**
     * A key column's type: PostgreSQL widens it in place; Redshift can neither ALTER a PRIMARY KEY
     * column nor drop a DISTKEY/SORTKEY one, so the apply stops, saying how to recreate the table,
     * and leaves the table as it was ({@code docs/tables.md}).
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aKeyColumnIsWidenedOnPostgresAndStopsTheApplyOnRedshift(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var v2 = List.of(col("id", "BIGINT", null, null), col("note", "VARCHAR", 20, null));
        var change =
                List.of(
                        ddl("ALTER TABLE orders MODIFY id BIGINT", 20, v2, PK),
                        upsert(v2, PK, 30, row("id", 5_000_000_000L, "note", "big")));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            seed(db, s);
            if (warehouse == Warehouse.POSTGRES) {
                s.apply(stage(db, ORDERS, 2, MIRROR, change));
                assertThat(columns(db, ORDERS))
                        .containsExactly("id bigint", "note character varying(20)");
                assertThat(Rows.of(db, ORDERS)).containsExactly("1|one", "5000000000|big");
            } else {
                assertThatThrownBy(() -> s.apply(stage(db, ORDERS, 2, MIRROR, change)))
                        .hasMessageContaining("table shop.orders, column 'id'")
                        .hasMessageContaining("recreate the table");
                assertThat(columns(db, ORDERS))
                        .containsExactly("id integer", "note character varying(80)");
                assertThat(Rows.of(db, ORDERS)).containsExactly("1|one");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void incompatibleChangeFailsNamingEverythingOrTurnsTheColumnIntoText(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var v2 = List.of(ID, col("note", "DATE", null, null));
        var change =
                List.of(
                        ddl("ALTER TABLE orders MODIFY note DATE", 20, v2, PK),
                        upsert(v2, PK, 30, row("id", 2, "note", "2024-01-31")));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            seed(db, s);
            assertThatThrownBy(() -> s.apply(stage(db, ORDERS, 2, MIRROR, change)))
                    .hasMessageContaining("table shop.orders, column 'note'")
                    .hasMessageContaining(
                            db.either("character varying(20)", "character varying(80)")
                                    + " must become DATE")
                    .hasMessageContaining("sink.schema.incompatible-type-change=FAIL");
        }
        try (WarehouseSession s =
                session(db, policy(DropColumn.KEEP, TypeChange.TO_TEXT, DropTable.IGNORE))) {
            s.apply(stage(db, ORDERS, 2, MIRROR, change));
            assertThat(columns(db, ORDERS))
                    .containsExactly(
                            "id integer", db.either("note text", "note character varying(65535)"));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|one", "2|2024-01-31");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void tableCreatedAfterTheJobStartedThenTruncatedOnceThenDropped(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var t = new io.github.binlog2redshift.sink.TargetTable("shop", "late");
        try (WarehouseSession s =
                session(db, policy(DropColumn.KEEP, TypeChange.FAIL, DropTable.DROP))) {
            s.apply(
                    stage(
                            db,
                            t,
                            1,
                            MIRROR,
                            List.of(
                                    ddl(
                                            "CREATE TABLE late (id INT PRIMARY KEY, note VARCHAR(20))",
                                            10,
                                            V1,
                                            PK),
                                    upsert(V1, PK, 20, row("id", 1, "note", "one")),
                                    upsert(V1, PK, 21, row("id", 2, "note", "two")))));
            assertThat(Rows.of(db, t)).containsExactly("1|one", "2|two");
            var truncate = ddl("TRUNCATE TABLE late", 30, V1, PK);
            s.apply(
                    stage(
                            db,
                            t,
                            2,
                            MIRROR,
                            List.of(
                                    upsert(V1, PK, 25, row("id", 3, "note", "before the truncate")),
                                    truncate,
                                    upsert(V1, PK, 40, row("id", 4, "note", "after")))));
            assertThat(Rows.of(db, t)).containsExactly("4|after");
            // Another subtask's copy of the same TRUNCATE, with a row it staged after it:
            s.apply(
                    stage(
                            db,
                            t,
                            2,
                            MIRROR,
                            List.of(
                                    truncate,
                                    upsert(V1, PK, 41, row("id", 5, "note", "other subtask")))));
            assertThat(Rows.of(db, t)).containsExactly("4|after", "5|other subtask");
            s.apply(
                    stage(
                            db,
                            t,
                            3,
                            MIRROR,
                            List.of(
                                    delete(V1, PK, 45, row("id", 5, "note", "x")),
                                    ddl("DROP TABLE late", 50, List.of(), PK))));
            assertThat(
                            Rows.count(
                                    db,
                                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'shop' AND table_name LIKE 'late%'"
                                            // Redshift: the table's commit ledger stays
                                            + " AND table_name <> 'late_b2r_ledger'"))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void dropTableIsIgnoredByDefault(Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            seed(db, s);
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            MIRROR,
                            List.of(ddl("DROP TABLE orders", 20, List.of(), PK))));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|one");
        }
    }
}
