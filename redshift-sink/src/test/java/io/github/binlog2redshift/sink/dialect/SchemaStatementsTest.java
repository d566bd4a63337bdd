package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy.DistStyle;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every DDL statement of schema evolution and of the table modes, as exact text, per dialect. */
class SchemaStatementsTest {

    static final TargetTable T = new TargetTable("shop", "orders");
    final RedshiftDialect rs = new RedshiftDialect();
    final PostgresDialect pg = new PostgresDialect();

    static TableMode mode(DeleteHandling d, DistStyle style, List<String> sortKey) {
        return new TableMode(false, d, DeleteArchive.NONE, false, style, sortKey);
    }

    @Test
    void columnStatementsAreSharedText() {
        for (SqlDialect d : List.of(rs, pg)) {
            assertThat(d.dropColumn(T, "no\"te"))
                    .isEqualTo("ALTER TABLE \"shop\".\"orders\" DROP COLUMN \"no\"\"te\"");
            assertThat(d.renameColumn(T, "note", "remark"))
                    .isEqualTo(
                            "ALTER TABLE \"shop\".\"orders\" RENAME COLUMN \"note\" TO \"remark\"");
            assertThat(d.addColumn(T, "_b2r_deleted", "BOOLEAN"))
                    .isEqualTo(
                            "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"_b2r_deleted\" BOOLEAN");
            assertThat(d.truncateTable(T)).isEqualTo("TRUNCATE TABLE \"shop\".\"orders\"");
            assertThat(d.deleteAll(T)).isEqualTo("DELETE FROM \"shop\".\"orders\"");
            assertThat(d.dropTable(T)).isEqualTo("DROP TABLE IF EXISTS \"shop\".\"orders\"");
            assertThat(d.lockTable(T)).isEqualTo("LOCK TABLE \"shop\".\"orders\"");
            assertThat(d.fillRenamedColumn(T, "nick", "handle"))
                    .isEqualTo(
                            "UPDATE \"shop\".\"orders\" SET \"handle\" = \"nick\" WHERE \"handle\" IS NULL");
            assertThat(d.deleteBefore(T, "000000000003:00000000000000000030:000000"))
                    .isEqualTo(
                            "DELETE FROM \"shop\".\"orders\" WHERE \"_b2r_pos\" < '000000000003:00000000000000000030:000000'");
            assertThat(d.schemaLogEntries("shop"))
                    .isEqualTo(
                            "SELECT \"position\", \"ddl\" FROM \"shop\".\"_b2r_schema_log\""
                                    + " WHERE \"target_table\" = ? ORDER BY \"position\"");
            assertThat(d.renameTable(T, "orders_v2"))
                    .isEqualTo("ALTER TABLE \"shop\".\"orders\" RENAME TO \"orders_v2\"");
            assertThat(d.schemaLogLookup("shop"))
                    .isEqualTo(
                            "SELECT 1 FROM \"shop\".\"_b2r_schema_log\" WHERE \"target_table\" = ? AND \"position\" = ?");
            assertThat(d.createSchemaLog("shop"))
                    .isEqualTo(
                            "CREATE TABLE IF NOT EXISTS \"shop\".\"_b2r_schema_log\" (\"target_table\" VARCHAR(1024) NOT NULL,"
                                    + " \"position\" VARCHAR(40) NOT NULL, \"ddl\" VARCHAR(65535), \"applied_at\" TIMESTAMPTZ NOT NULL,"
                                    + " PRIMARY KEY (\"target_table\", \"position\"))");
        }
        assertThat(pg.markDeletedBefore(T, "000000000003:00000000000000000030:000000"))
                .isEqualTo(
                        "UPDATE \"shop\".\"orders\" SET \"_b2r_deleted\" = TRUE, \"_b2r_deleted_at\" = now()"
                                + " WHERE \"_b2r_deleted\" IS NOT TRUE"
                                + " AND \"_b2r_pos\" < '000000000003:00000000000000000030:000000'");
        assertThat(rs.markAllDeleted(T))
                .isEqualTo(
                        "UPDATE \"shop\".\"orders\" SET \"_b2r_deleted\" = TRUE, \"_b2r_deleted_at\" = GETDATE()"
                                + " WHERE \"_b2r_deleted\" IS NOT TRUE");
        assertThat(pg.schemaLogInsert("shop"))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"_b2r_schema_log\" (\"target_table\", \"position\", \"ddl\", \"applied_at\")"
                                + " VALUES (?, ?, ?, now())");
    }

    @Test
    void aTableRenameRenamesTheTargetAndItsSideTablesWithinTheSchema() {
        TargetTable v2 = new TargetTable("shop", "orders_v2");
        for (SqlDialect d : List.of(rs, pg)) {
            assertThat(TableRename.plan(d, T, v2))
                    .extracting(TableRename::sql)
                    .containsExactly(
                            "ALTER TABLE \"shop\".\"orders\" RENAME TO \"orders_v2\"",
                            "ALTER TABLE \"shop\".\"orders_b2r_deleted\" RENAME TO \"orders_v2_b2r_deleted\"",
                            "ALTER TABLE \"shop\".\"orders_b2r_applied\" RENAME TO \"orders_v2_b2r_applied\"",
                            "ALTER TABLE \"shop\".\"orders_b2r_ranges\" RENAME TO \"orders_v2_b2r_ranges\"",
                            "ALTER TABLE \"shop\".\"orders_delete\" RENAME TO \"orders_v2_delete\"",
                            "ALTER TABLE \"shop\".\"orders_history\" RENAME TO \"orders_v2_history\"");
            assertThatThrownBy(() -> TableRename.plan(d, T, new TargetTable("crm", "orders")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("within its schema only");
        }
    }

    @Test
    void typeChangesInPlaceOnPostgresAndForVarcharOnRedshiftElseByCopy() {
        ColumnType v20 = ColumnType.parse("VARCHAR(20)");
        ColumnType v300 = ColumnType.parse("VARCHAR(300)");
        ColumnType int4 = ColumnType.parse("INTEGER");
        assertThat(rs.altersTypeInPlace(v20, v300)).isTrue();
        assertThat(rs.altersTypeInPlace(int4, ColumnType.parse("BIGINT"))).isFalse();
        assertThat(pg.altersTypeInPlace(int4, ColumnType.parse("BIGINT"))).isTrue();
        assertThat(rs.alterColumnType(T, "note", "VARCHAR(1200)"))
                .isEqualTo(
                        "ALTER TABLE \"shop\".\"orders\" ALTER COLUMN \"note\" TYPE VARCHAR(1200)");
        assertThat(pg.alterColumnType(T, "n", "NUMERIC(14,4)"))
                .isEqualTo(
                        "ALTER TABLE \"shop\".\"orders\" ALTER COLUMN \"n\" TYPE NUMERIC(14,4) USING \"n\"::NUMERIC(14,4)");
        assertThat(rs.rebuildColumn(T, "n", int4, "BIGINT"))
                .isEqualTo(
                        new ColumnRebuild(
                                "n__b2r_new",
                                "ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"n__b2r_new\" BIGINT",
                                "UPDATE \"shop\".\"orders\" SET \"n__b2r_new\" = CAST(\"n\" AS BIGINT)",
                                "ALTER TABLE \"shop\".\"orders\" DROP COLUMN \"n\"",
                                "ALTER TABLE \"shop\".\"orders\" RENAME COLUMN \"n__b2r_new\" TO \"n\""));
        assertThat(rs.altersTypeInPlace(ColumnType.parse("CHAR(1)"), v300)).isFalse();
        assertThat(
                        rs.altersTypeInPlace(
                                ColumnType.fromCatalog("character", 1, null, null, null), v300))
                .isFalse();
        assertThat(
                        rs.altersTypeInPlace(
                                ColumnType.fromCatalog("character varying", 20, null, null, null),
                                v300))
                .isTrue();
        assertThat(rs.changesKeyColumnTypes()).isFalse();
        assertThat(pg.changesKeyColumnTypes()).isTrue();
        assertThat(rs.unboundedText()).isEqualTo("VARCHAR(65535)");
        assertThat(pg.unboundedText()).isEqualTo("TEXT");
        assertThat(rs.decimalType(38, 4)).isEqualTo("DECIMAL(38,4)");
        assertThat(pg.decimalType(40, 4)).isEqualTo("NUMERIC(40,4)");
    }

    /**
     * Redshift's CAST does not give the text of a SUPER object or array (JSON_SERIALIZE does) and
     * has no BOOLEAN-to-VARCHAR cast; every other value is cast (issue 12, fault 6).
     */
    @Test
    void redshiftCopiesSuperAndBooleanToTextWithoutACast() {
        String text = rs.unboundedText();
        assertThat(rs.rebuildColumn(T, "doc", ColumnType.parse("SUPER"), text).copy())
                .isEqualTo(
                        "UPDATE \"shop\".\"orders\" SET \"doc__b2r_new\" = CASE WHEN \"doc\" IS NULL"
                                + " THEN NULL ELSE JSON_SERIALIZE(\"doc\") END");
        assertThat(rs.rebuildColumn(T, "paid", ColumnType.parse("BOOLEAN"), text).copy())
                .isEqualTo(
                        "UPDATE \"shop\".\"orders\" SET \"paid__b2r_new\" = CASE WHEN \"paid\""
                                + " THEN 'true' WHEN NOT \"paid\" THEN 'false' END");
        for (String from :
                List.of(
                        "SMALLINT",
                        "BIGINT",
                        "DECIMAL(10,2)",
                        "DOUBLE PRECISION",
                        "DATE",
                        "TIMESTAMP",
                        "TIMESTAMPTZ",
                        "VARBYTE(16)",
                        "CHAR(1)")) {
            assertThat(rs.rebuildColumn(T, "c", ColumnType.parse(from), text).copy())
                    .as(from)
                    .endsWith(" = CAST(\"c\" AS VARCHAR(65535))");
        }
        assertThat(rs.rebuildColumn(T, "c", ColumnType.parse("INTEGER"), "DECIMAL(12,2)").copy())
                .endsWith(" = CAST(\"c\" AS DECIMAL(12,2))");
        // PostgreSQL changes types in place (USING c::type), never by copy; its default is a CAST.
        assertThat(pg.rebuildColumn(T, "doc", ColumnType.parse("JSONB"), "TEXT").copy())
                .endsWith(" = CAST(\"doc\" AS TEXT)");
    }

    @Test
    void softDeleteTablesHaveFlagAndTimeAndRedshiftLayoutsAreConfigurable() {
        TableMode soft = mode(DeleteHandling.SOFT, DistStyle.EVEN, List.of("note", "id"));
        assertThat(rs.createTable(Shapes.orders(), soft))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" (\"id\" BIGINT NOT NULL, \"note\" VARCHAR(400),"
                                + " \"_b2r_pos\" VARCHAR(40), \"_b2r_ts\" TIMESTAMPTZ, \"_b2r_deleted\" BOOLEAN,"
                                + " \"_b2r_deleted_at\" TIMESTAMPTZ, PRIMARY KEY (\"id\")) DISTSTYLE EVEN SORTKEY (\"note\", \"id\")");
        assertThat(
                        rs.createTable(
                                Shapes.orders(),
                                mode(DeleteHandling.APPLY, DistStyle.AUTO, List.of())))
                .endsWith("PRIMARY KEY (\"id\")) DISTSTYLE AUTO SORTKEY (\"id\")");
        assertThat(pg.createTable(Shapes.orders(), soft))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" (\"id\" BIGINT NOT NULL, \"note\" VARCHAR(100),"
                                + " \"_b2r_pos\" VARCHAR(40), \"_b2r_ts\" TIMESTAMPTZ, \"_b2r_deleted\" BOOLEAN,"
                                + " \"_b2r_deleted_at\" TIMESTAMPTZ, PRIMARY KEY (\"id\"))");
    }

    @Test
    void tablesWithoutKeyArchivesAndHistories() {
        TableShape noKey = new TableShape(T, Shapes.orders().columns(), List.of());
        assertThat(rs.createTable(noKey, TableMode.defaults()))
                .as("a mirror: a copy of the source's columns")
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" (\"id\" BIGINT, \"note\" VARCHAR(400),"
                                + " \"_b2r_pos\" VARCHAR(40), \"_b2r_ts\" TIMESTAMPTZ)"
                                + " DISTSTYLE AUTO SORTKEY (\"_b2r_pos\")");
        assertThat(rs.createTable(noKey, TableMode.defaults().withKeyless(KeylessMode.APPEND)))
                .as("a change log: every change with its op")
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders\" (\"id\" BIGINT, \"note\" VARCHAR(400),"
                                + " \"_b2r_pos\" VARCHAR(40), \"_b2r_ts\" TIMESTAMPTZ, \"_b2r_op\" CHAR(1))"
                                + " DISTSTYLE AUTO SORTKEY (\"_b2r_pos\")");
        assertThat(pg.createArchiveTable(Shapes.orders(), TableMode.defaults()))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders_delete\" (\"id\" BIGINT, \"note\" VARCHAR(100),"
                                + " \"_b2r_pos\" VARCHAR(40), \"_b2r_deleted_at\" TIMESTAMPTZ)");
        assertThat(rs.createHistoryTable(Shapes.orders(), TableMode.defaults()))
                .isEqualTo(
                        "CREATE TABLE IF NOT EXISTS \"shop\".\"orders_history\" (\"id\" BIGINT, \"note\" VARCHAR(400),"
                                + " \"_b2r_op\" CHAR(1), \"_b2r_pos\" VARCHAR(40), \"_b2r_ts\" TIMESTAMPTZ)"
                                + " DISTSTYLE KEY DISTKEY (\"id\") SORTKEY (\"id\")");
        assertThat(pg.addColumn(T, ColumnDef.of("doc", "JSON", null, null, true)))
                .isEqualTo("ALTER TABLE \"shop\".\"orders\" ADD COLUMN \"doc\" JSONB");
    }
}
