package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.schema.CatalogColumn;
import io.github.binlog2redshift.sink.schema.DdlText;
import io.github.binlog2redshift.sink.schema.SchemaAction;
import io.github.binlog2redshift.sink.schema.SchemaEvolution;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, fault 1: Redshift stores {@code userId} as {@code userid}; the committer must look for
 * the name Redshift has, or it adds the column again ("already exists") on every attempt.
 */
class WarehouseNamesTest {

    private static final RedshiftDialect RS = new RedshiftDialect();
    private static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("Id", "BIGINT", null, null, false),
                    ColumnDef.of("userId", "VARCHAR", 100, null, true));

    /** What Redshift has after CREATE TABLE "Shop"."Orders" ("Id" ..., "userId" ...). */
    private static final List<CatalogColumn> CATALOG =
            List.of(
                    new CatalogColumn("id", ColumnType.parse("BIGINT")),
                    new CatalogColumn("userid", ColumnType.parse("VARCHAR(400)")),
                    new CatalogColumn("_b2r_pos", ColumnType.parse("VARCHAR(40)")),
                    new CatalogColumn("_b2r_ts", ColumnType.parse("TIMESTAMPTZ")));

    private static TableCommittable staged() {
        TableMode mode =
                new TableMode(
                        false,
                        TableMode.defaults().deletes(),
                        TableMode.defaults().archive(),
                        false,
                        SchemaPolicy.DistStyle.KEY,
                        List.of("userId"));
        return new TableCommittable(
                new TargetTable("Shop", "Orders"),
                3,
                "s0-x",
                0,
                List.of(new StagedFile("s3://b/f.csv.gz", List.of("Id", "userId"), 2)),
                null,
                0,
                COLS,
                List.of("Id"),
                List.of(
                        new SchemaChange(
                                "ALTER TABLE `Orders` CHANGE `userName` `userId` VARCHAR(100)",
                                "p",
                                "Shop",
                                COLS,
                                List.of("Id"),
                                new TargetTable("Shop", "OldOrders"))),
                mode);
    }

    private static List<SchemaAction> plan(TableCommittable b) throws Exception {
        return SchemaEvolution.plan(
                b.table(),
                CATALOG,
                b.currentColumns(),
                DdlText.parse(""),
                b.primaryKey(),
                RS,
                SchemaPolicy.defaults());
    }

    @Test
    void theSourcesNamesPlanAColumnRedshiftHasAlready() throws Exception {
        assertThat(plan(staged()))
                .containsExactly(
                        new SchemaAction.AddColumn(COLS.get(0), "BIGINT"),
                        new SchemaAction.AddColumn(COLS.get(1), "VARCHAR(400)"));
    }

    @Test
    void inTheWarehousesNamesNothingIsLeftToDoAndEveryColumnIsWritten() throws Exception {
        TableCommittable b = WarehouseNames.of(staged(), RS);
        assertThat(plan(b)).isEmpty();
        assertThat(b.table()).isEqualTo(new TargetTable("shop", "orders"));
        assertThat(b.primaryKey()).containsExactly("id");
        assertThat(b.files().get(0).columns()).containsExactly("id", "userid");
        assertThat(b.mode().sortKey()).containsExactly("userid");
        SchemaChange sc = b.schemaChanges().get(0);
        assertThat(DdlText.parse(sc.ddl()).renames()).containsEntry("username", "userid");
        assertThat(sc.renamedFrom()).isEqualTo(new TargetTable("shop", "oldorders"));
        assertThat(sc.columns()).extracting(ColumnDef::name).containsExactly("id", "userid");
        assertThat(StageLayout.input(b, CATALOG, null, RS).shape().columns())
                .extracting(ColumnDef::name)
                .containsExactly("id", "userid");
        assertThat(b.checkpointId()).isEqualTo(3);
        assertThat(b.stagingId()).isEqualTo("s0-x");
    }

    @Test
    void aColumnRenamedOnlyInCaseIsOneColumn() {
        TableCommittable b =
                new TableCommittable(
                        new TargetTable("s", "t"),
                        1,
                        "s0-y",
                        0,
                        List.of(),
                        null,
                        0,
                        List.of(
                                ColumnDef.of("id", "INT", null, null, false),
                                ColumnDef.of("Note", "VARCHAR", 10, null, true),
                                ColumnDef.of("note", "VARCHAR", 20, null, true)),
                        List.of("id"),
                        List.of(),
                        TableMode.defaults());
        assertThat(WarehouseNames.of(b, RS).columns())
                .containsExactly(
                        ColumnDef.of("id", "INT", null, null, false),
                        ColumnDef.of("note", "VARCHAR", 20, null, true));
    }

    @Test
    void postgresKeepsEveryName() {
        assertThat(WarehouseNames.of(staged(), new PostgresDialect())).isEqualTo(staged());
    }
}
