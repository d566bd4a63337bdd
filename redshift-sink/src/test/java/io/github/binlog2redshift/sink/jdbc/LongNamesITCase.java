package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.delete;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.NameKind;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: names over a warehouse's identifier limit (PostgreSQL 63 bytes, Redshift 127) are cut
 * with a hash, so the target, its side tables and its columns are distinct, found again in the
 * catalog, and a replay changes nothing.
 *
 * <p>The local Redshift keeps its names in PostgreSQL and refuses any over 63 bytes ("this is the
 * emulator's own, stricter limit"), so on it the names are ones that fold but need no cut; the
 * 127-byte cut itself is tested as text ({@code RedshiftNamesTest}, {@code NameLimitTest}).
 */
@ExtendWith(LocalStackExtension.class)
class LongNamesITCase {

    /** 72 bytes: over PostgreSQL's limit, mixed case (folded on Redshift only). */
    static final String TABLE =
            "Inventory_Management_System__" + "Warehouse_Stock_Movements_2024_Q1_Q2";

    static final String COLUMN = "Quantity_On_Hand_".repeat(3) + "After_The_Last_Movement";

    /** Within what the local Redshift stores, suffixes included; folded. */
    static final String SHORT_TABLE = "Inventory__Stock_Movements";

    static final String SHORT_COLUMN = "Quantity_On_Hand";

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void longTableAndColumnNamesAreCutAndAppliedTwiceWithoutChange(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        String sourceTable = db.either(TABLE, SHORT_TABLE);
        String sourceColumn = db.either(COLUMN, SHORT_COLUMN);
        TargetTable source = new TargetTable("shop", sourceTable);
        List<ColumnDef> cols =
                List.of(col("id", "INT", null, null), col(sourceColumn, "VARCHAR", 20, null));
        List<String> pk = List.of("id");
        TableMode d = TableMode.defaults();
        TableMode history =
                new TableMode(
                        false,
                        DeleteHandling.APPLY,
                        DeleteArchive.NONE,
                        true,
                        d.distStyle(),
                        d.sortKey());
        TableCommittable first =
                stage(
                        db,
                        source,
                        1,
                        history,
                        List.of(
                                upsert(cols, pk, 10, row("id", 1, sourceColumn, "one")),
                                upsert(cols, pk, 11, row("id", 2, sourceColumn, "two"))));
        TableCommittable second =
                stage(
                        db,
                        source,
                        2,
                        history,
                        List.of(delete(cols, pk, 20, row("id", 2, sourceColumn, "two"))));
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(first);
            s.apply(second);
            assertThat(s.apply(first).alreadyApplied()).isTrue();
        }

        String table = db.dialect().storedName(sourceTable, NameKind.TABLE);
        String column = db.dialect().storedName(sourceColumn, NameKind.COLUMN);
        if (warehouse == Warehouse.POSTGRES) {
            assertThat(bytes(table + ReservedNames.TOMBSTONE_SUFFIX)).isEqualTo(63);
            assertThat(bytes(column + ReservedNames.RETYPE_SUFFIX)).isEqualTo(63);
            assertThat(table).startsWith("Inventory_").matches(".*_[0-9a-f]{8}");
        } else {
            assertThat(table).isEqualTo("inventory__stock_movements");
            assertThat(column).isEqualTo("quantity_on_hand");
        }
        TargetTable target = new TargetTable("shop", table);
        assertThat(Rows.of(db, target)).containsExactly("1|one");
        assertThat(Evolving.columns(db, target))
                .containsExactly(
                        "id integer", column + " character varying(" + db.either(20, 80) + ")");
        assertThat(
                        Rows.query(
                                db,
                                "SELECT table_name FROM information_schema.tables WHERE"
                                        + " table_schema = 'shop' AND left(table_name, 10) = '"
                                        + table.substring(0, 10)
                                        + "' ORDER BY 1"))
                .containsExactlyInAnyOrderElementsOf(
                        db.either(
                                List.of(
                                        table,
                                        table + ReservedNames.TOMBSTONE_SUFFIX,
                                        table + ReservedNames.RANGES_SUFFIX,
                                        table + ReservedNames.HISTORY_SUFFIX),
                                List.of(
                                        table,
                                        table + ReservedNames.TOMBSTONE_SUFFIX,
                                        table + ReservedNames.RANGES_SUFFIX,
                                        table + ReservedNames.HISTORY_SUFFIX,
                                        table + ReservedNames.LEDGER_SUFFIX)));
        assertThat(
                        Rows.count(
                                db,
                                "SELECT count(*) FROM shop.\""
                                        + table
                                        + ReservedNames.HISTORY_SUFFIX
                                        + "\""))
                .isEqualTo(3);
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
