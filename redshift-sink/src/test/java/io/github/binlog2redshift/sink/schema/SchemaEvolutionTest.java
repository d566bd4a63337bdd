package io.github.binlog2redshift.sink.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.ColumnType;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Type decisions (widen, keep, incompatible) and the plan's order, per dialect. */
class SchemaEvolutionTest {

    static final TargetTable T = new TargetTable("shop", "orders");
    static final RedshiftDialect RS = new RedshiftDialect();
    static final PostgresDialect PG = new PostgresDialect();

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            textBlock =
                    """
        VARCHAR(20)      | VARCHAR(300)     | VARCHAR(300)
        VARCHAR(300)     | VARCHAR(20)      | -
        VARCHAR(65535)   | VARCHAR(65535)   | -
        SMALLINT         | BIGINT           | BIGINT
        BIGINT           | INTEGER          | -
        INTEGER          | DECIMAL(20,0)    | DECIMAL(20,0)
        INTEGER          | DECIMAL(5,2)     | DECIMAL(12,2)
        DECIMAL(6,2)     | DECIMAL(12,3)    | DECIMAL(12,3)
        DECIMAL(10,2)    | DECIMAL(8,4)     | DECIMAL(12,4)
        DECIMAL(12,3)    | DECIMAL(6,2)     | -
        DECIMAL(20,0)    | BIGINT           | -
        DECIMAL(5,0)     | BIGINT           | DECIMAL(19,0)
        DECIMAL(30,10)   | DECIMAL(38,0)    | !
        REAL             | DOUBLE PRECISION | DOUBLE PRECISION
        TIMESTAMP        | TIMESTAMP        | -
        TIMESTAMPTZ      | TIMESTAMPTZ      | -
        VARCHAR(20)      | DATE             | !
        INTEGER          | VARCHAR(40)      | !
        BOOLEAN          | SMALLINT         | !
        SUPER            | SUPER            | -
        VARBYTE(16)      | VARBYTE(300)     | VARBYTE(300)
        GEOGRAPHY        | VARCHAR(20)      | -
        """)
    void redshiftDecisions(String from, String to, String expected) {
        String got = TypeWidening.decide(ColumnType.parse(from), ColumnType.parse(to), RS);
        assertThat(got == TypeWidening.INCOMPATIBLE ? "!" : got).isEqualTo(expected);
    }

    @Test
    void postgresHasRoomForWiderDecimalsAndFractions() {
        assertThat(
                        TypeWidening.decide(
                                ColumnType.parse("NUMERIC(30,10)"),
                                ColumnType.parse("NUMERIC(38,0)"),
                                PG))
                .isEqualTo("NUMERIC(48,10)");
        assertThat(
                        TypeWidening.decide(
                                ColumnType.parse("TIMESTAMP(0)"),
                                ColumnType.parse("TIMESTAMP(3)"),
                                PG))
                .isEqualTo("TIMESTAMP(3)");
        assertThat(
                        TypeWidening.decide(
                                ColumnType.parse("VARCHAR(20)"), ColumnType.parse("TEXT"), PG))
                .isEqualTo("TEXT");
        assertThat(ColumnType.fromCatalog("character varying", 20, null, null, null).size())
                .isEqualTo(20);
        assertThat(ColumnType.fromCatalog("timestamp with time zone", null, null, null, 6).family())
                .isEqualTo(ColumnType.Family.TIMESTAMPTZ);
        assertThat(ColumnType.fromCatalog("numeric", null, 12, 3, null).text())
                .isEqualTo("NUMERIC(12,3)");
    }

    static List<CatalogColumn> catalog(SqlDialect d, String... nameType) {
        List<CatalogColumn> out = new java.util.ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            out.add(new CatalogColumn(nameType[i], ColumnType.parse(nameType[i + 1])));
        }
        return out;
    }

    @Test
    void aRenameWhoseNewColumnRowsAddedAlreadyIsMerged() throws Exception {
        List<ColumnDef> source =
                List.of(
                        ColumnDef.of("id", "INT", null, null, false),
                        ColumnDef.of("handle", "VARCHAR", 10, null, true));
        assertThat(
                        SchemaEvolution.plan(
                                T,
                                catalog(
                                        PG,
                                        "id",
                                        "INTEGER",
                                        "nick",
                                        "VARCHAR(10)",
                                        "handle",
                                        "VARCHAR(10)"),
                                source,
                                DdlText.parse("ALTER TABLE orders RENAME COLUMN nick TO handle"),
                                List.of("id"),
                                PG,
                                SchemaPolicy.defaults()))
                .containsExactly(new SchemaAction.MergeRenamedColumn("nick", "handle"));
    }

    @Test
    void plansRenamesThenDropsThenAddsAndTypeChanges() throws Exception {
        SchemaPolicy drop =
                new SchemaPolicy(
                        SchemaPolicy.DropColumn.DROP,
                        SchemaPolicy.TypeChange.FAIL,
                        SchemaPolicy.DropTable.IGNORE,
                        SchemaPolicy.TruncateTable.APPLY,
                        SchemaPolicy.Oversize.DEAD_LETTER,
                        SchemaPolicy.DistStyle.KEY);
        List<ColumnDef> source =
                List.of(
                        ColumnDef.of("id", "INT", null, null, false),
                        ColumnDef.of("remark", "VARCHAR", 100, null, true),
                        ColumnDef.of("qty", "INT", null, null, true));
        List<SchemaAction> plan =
                SchemaEvolution.plan(
                        T,
                        catalog(
                                RS,
                                "id",
                                "INTEGER",
                                "note",
                                "VARCHAR(80)",
                                "old",
                                "DATE",
                                "gone",
                                "DATE"),
                        source,
                        DdlText.parse(
                                "ALTER TABLE orders CHANGE note remark VARCHAR(100), DROP gone, ADD qty INT"),
                        List.of("id"),
                        RS,
                        drop);
        assertThat(plan)
                .containsExactly(
                        new SchemaAction.RenameColumn("note", "remark"),
                        new SchemaAction.DropColumn("gone"),
                        new SchemaAction.ChangeType(
                                "remark", ColumnType.parse("VARCHAR(80)"), "VARCHAR(400)"),
                        new SchemaAction.AddColumn(source.get(2), "INTEGER"));
        assertThat(
                        SchemaEvolution.plan(
                                T,
                                catalog(
                                        RS,
                                        "id",
                                        "INTEGER",
                                        "remark",
                                        "VARCHAR(400)",
                                        "qty",
                                        "INTEGER",
                                        "old",
                                        "DATE"),
                                source,
                                DdlText.parse(""),
                                List.of("id"),
                                RS,
                                drop))
                .isEmpty();
    }

    @Test
    void keyColumnTypeChangesFailOnRedshiftWithTheWayOut() {
        List<ColumnDef> source = List.of(ColumnDef.of("id", "BIGINT", null, null, false));
        assertThatThrownBy(
                        () ->
                                SchemaEvolution.plan(
                                        T,
                                        catalog(RS, "id", "INTEGER"),
                                        source,
                                        DdlText.parse(""),
                                        List.of("id"),
                                        RS,
                                        SchemaPolicy.defaults()))
                .isInstanceOf(IncompatibleSchemaChangeException.class)
                .hasMessage(
                        "table shop.orders, column 'id': the source changed its type so that the target's INTEGER must become"
                                + " BIGINT, but it is a key column, which Redshift can neither ALTER nor drop (PRIMARY KEY, DISTKEY, SORTKEY):"
                                + " recreate the table with the new type (CREATE TABLE ... AS SELECT with a cast) and restart");
    }

    /**
     * Issue 12, fault 7: Redshift refuses to drop a DISTKEY or SORTKEY column, so a drop, a merge
     * of a renamed column and a type change (by copy, or even of a VARCHAR) of one would fail on
     * every attempt. The plan keeps such columns and refuses their type changes, naming the fix.
     */
    @Test
    void distAndSortKeyColumnsAreNeverDroppedNorRetyped() throws Exception {
        SchemaPolicy drop =
                new SchemaPolicy(
                        SchemaPolicy.DropColumn.DROP,
                        SchemaPolicy.TypeChange.FAIL,
                        SchemaPolicy.DropTable.IGNORE,
                        SchemaPolicy.TruncateTable.APPLY,
                        SchemaPolicy.Oversize.DEAD_LETTER,
                        SchemaPolicy.DistStyle.KEY);
        List<CatalogColumn> cat =
                List.of(
                        new CatalogColumn("id", ColumnType.parse("INTEGER"), true),
                        new CatalogColumn("region", ColumnType.parse("VARCHAR(80)"), true),
                        new CatalogColumn("nick", ColumnType.parse("VARCHAR(10)"), true),
                        new CatalogColumn("handle", ColumnType.parse("VARCHAR(10)")),
                        new CatalogColumn("day", ColumnType.parse("DATE"), true),
                        new CatalogColumn("qty", ColumnType.parse("SMALLINT"), true));
        List<ColumnDef> source =
                List.of(
                        ColumnDef.of("id", "INT", null, null, false),
                        ColumnDef.of("region", "VARCHAR", 20, null, true),
                        ColumnDef.of("handle", "VARCHAR", 2, null, true),
                        ColumnDef.of("qty", "SMALLINT", null, null, true));
        assertThat(
                        SchemaEvolution.plan(
                                T,
                                cat,
                                source,
                                DdlText.parse(
                                        "ALTER TABLE orders RENAME COLUMN nick TO handle, DROP day"),
                                List.of("id"),
                                RS,
                                drop))
                .isEmpty();
        // Without the layout, the same plan drops both (what Redshift refuses).
        List<CatalogColumn> plain = new java.util.ArrayList<>();
        cat.forEach(c -> plain.add(c.withLayoutKey(false)));
        assertThat(
                        SchemaEvolution.plan(
                                T,
                                plain,
                                source,
                                DdlText.parse(
                                        "ALTER TABLE orders RENAME COLUMN nick TO handle, DROP day"),
                                List.of("id"),
                                RS,
                                drop))
                .containsExactly(
                        new SchemaAction.MergeRenamedColumn("nick", "handle"),
                        new SchemaAction.DropColumn("day"));
        for (ColumnDef wider :
                List.of(
                        ColumnDef.of("qty", "INT", null, null, true),
                        ColumnDef.of("region", "VARCHAR", 100, null, true))) {
            assertThatThrownBy(
                            () ->
                                    SchemaEvolution.plan(
                                            T,
                                            cat,
                                            List.of(source.get(0), wider),
                                            DdlText.parse(""),
                                            List.of("id"),
                                            RS,
                                            drop))
                    .isInstanceOf(IncompatibleSchemaChangeException.class)
                    .hasMessageContaining("column '" + wider.name() + "'")
                    .hasMessageContaining("DISTKEY or a SORTKEY column")
                    .hasMessageContaining("ALTER SORTKEY");
        }
    }
}
