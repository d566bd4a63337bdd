package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan of a table without a key mirrored as a multiset, as text on both warehouses. */
class KeylessMergeTest {

    static final TargetTable LOG = new TargetTable("shop", "log");

    /** Columns as the apply reads them from the catalog (warehouse type text). */
    static TableShape log(String json, String binary) {
        return new TableShape(
                LOG,
                List.of(
                        ColumnDef.of("id", "integer", null, null, true),
                        ColumnDef.of("note", "character varying(20)", null, null, true),
                        ColumnDef.of("doc", json, null, null, true),
                        ColumnDef.of("raw", binary, null, null, true)),
                List.of());
    }

    static MergeInput mirror(TableShape shape, TableMode mode) {
        return new MergeInput(
                shape, mode, LOG, Map.of(ReservedNames.OP, "CHAR(1)"), true, null, List.of("kept"));
    }

    @Test
    void postgresCollectsDeletesAndReinsertsTheNetRowsPerClass() {
        MergePlan p =
                new PostgresDialect()
                        .mergePlan(mirror(log("jsonb", "bytea"), TableMode.defaults()));
        assertThat(ModePlanTest.names(p))
                .containsExactly(
                        "create-applied",
                        "skip-applied",
                        "record-applied",
                        "prune-applied",
                        "collect-replaced",
                        "delete-replaced",
                        "insert-kept");
        String match =
                "COALESCE(\"log\".\"id\", 0) = COALESCE(\"_b2r_stage\".\"id\", 0)"
                        + " AND COALESCE(\"log\".\"note\", '') = COALESCE(\"_b2r_stage\".\"note\", '')"
                        + " AND COALESCE(CAST(\"log\".\"doc\" AS TEXT), '')"
                        + " = COALESCE(CAST(\"_b2r_stage\".\"doc\" AS TEXT), '')"
                        + " AND COALESCE(\"log\".\"raw\", CAST('' AS BYTEA))"
                        + " = COALESCE(\"_b2r_stage\".\"raw\", CAST('' AS BYTEA))";
        assertThat(p.sql("collect-replaced"))
                .isEqualTo(
                        "INSERT INTO \"_b2r_stage\" (\"id\", \"note\", \"doc\", \"raw\", \"kept\","
                                + " \"_b2r_pos\", \"_b2r_ts\", \"_b2r_op\") SELECT \"id\", \"note\","
                                + " \"doc\", \"raw\", \"kept\", \"_b2r_pos\", \"_b2r_ts\", 'k' FROM"
                                + " \"shop\".\"log\" WHERE EXISTS (SELECT 1 FROM \"_b2r_stage\" WHERE"
                                + " \"_b2r_stage\".\"_b2r_op\" IN ('d', 'b') AND "
                                + match
                                + ")");
        assertThat(p.sql("delete-replaced"))
                .isEqualTo(
                        "DELETE FROM \"shop\".\"log\" USING \"_b2r_stage\" WHERE"
                                + " \"_b2r_stage\".\"_b2r_op\" IN ('d', 'b') AND "
                                + match);
        String partition =
                "COALESCE(\"id\", 0), CASE WHEN \"id\" IS NULL THEN 1 ELSE 0 END,"
                        + " COALESCE(\"note\", ''), CASE WHEN \"note\" IS NULL THEN 1 ELSE 0 END,"
                        + " COALESCE(CAST(\"doc\" AS TEXT), ''), CASE WHEN \"doc\" IS NULL THEN 1 ELSE 0 END,"
                        + " COALESCE(\"raw\", CAST('' AS BYTEA)), CASE WHEN \"raw\" IS NULL THEN 1 ELSE 0 END";
        String sign = "CASE WHEN \"_b2r_stage\".\"_b2r_op\" IN ('d', 'b') THEN -1 ELSE 1 END";
        String columns = "\"id\", \"note\", \"doc\", \"raw\", \"kept\", \"_b2r_pos\", \"_b2r_ts\"";
        assertThat(p.sql("insert-kept"))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"log\" ("
                                + columns
                                + ") SELECT "
                                + columns
                                + " FROM (SELECT "
                                + columns
                                + ", "
                                + sign
                                + " AS \"_b2r_sign\", SUM("
                                + sign
                                + ") OVER (PARTITION BY "
                                + partition
                                + ") AS \"_b2r_net\", ROW_NUMBER() OVER (PARTITION BY "
                                + partition
                                + ", "
                                + sign
                                + " ORDER BY CASE WHEN \"_b2r_op\" = 'k' THEN 0 ELSE 1 END,"
                                + " \"_b2r_pos\") AS \"_b2r_nth\" FROM \"_b2r_stage\") AS"
                                + " \"_b2r_counted\" WHERE \"_b2r_sign\" = 1 AND \"_b2r_nth\" <="
                                + " \"_b2r_net\"");
        assertThat(p.afterLoad().stream().filter(MergePlan.Step::counted).map(MergePlan.Step::name))
                .containsExactly("insert-kept");
    }

    @Test
    void redshiftComparesSuperAsItsJsonTextAndVarbyteAsBytes() {
        MergePlan p =
                new RedshiftDialect()
                        .mergePlan(mirror(log("super", "binary varying(8)"), TableMode.defaults()));
        assertThat(p.sql("delete-replaced"))
                .contains(
                        "COALESCE(JSON_SERIALIZE(\"log\".\"doc\"), '')"
                                + " = COALESCE(JSON_SERIALIZE(\"_b2r_stage\".\"doc\"), '')")
                .contains(
                        "COALESCE(\"log\".\"raw\", ''::VARBYTE) = COALESCE(\"_b2r_stage\".\"raw\", ''::VARBYTE)");
    }

    @Test
    void everyTypeFamilyHasANeverNullComparableForm() {
        for (ColumnType.Family f : ColumnType.Family.values()) {
            String type = typeOf(f);
            assertThat(new PostgresDialect().comparable("c", ColumnType.parse(type)))
                    .as(type)
                    .startsWith("COALESCE(");
            assertThat(new RedshiftDialect().comparable("c", ColumnType.parse(type)))
                    .as(type)
                    .startsWith("COALESCE(");
        }
        assertThat(
                        new PostgresDialect()
                                .comparable("c", ColumnType.parse("timestamp with time zone")))
                .isEqualTo("COALESCE(c, CAST('1970-01-01 00:00:00+00' AS TIMESTAMPTZ))");
        assertThat(new RedshiftDialect().comparable("c", ColumnType.parse("boolean")))
                .isEqualTo("COALESCE(c, FALSE)");
    }

    private static String typeOf(ColumnType.Family f) {
        switch (f) {
            case INTEGER:
                return "bigint";
            case DECIMAL:
                return "numeric(10,2)";
            case FLOAT:
                return "real";
            case TEXT:
                return "text";
            case BOOLEAN:
                return "boolean";
            case DATE:
                return "date";
            case TIMESTAMP:
                return "timestamp";
            case TIMESTAMPTZ:
                return "timestamptz";
            case BINARY:
                return "bytea";
            case JSON:
                return "jsonb";
            case OTHER:
                return "interval";
            default:
                throw new IllegalArgumentException(f.toString());
        }
    }

    @Test
    void skipDeleteDropsDeletesButNotTheRowsUpdatesReplace() {
        TableMode skip =
                new TableMode(
                        false,
                        DeleteHandling.SKIP,
                        TableMode.defaults().archive(),
                        true,
                        TableMode.defaults().distStyle(),
                        List.of());
        MergePlan p = new PostgresDialect().mergePlan(mirror(log("jsonb", "bytea"), skip));
        assertThat(ModePlanTest.names(p))
                .containsExactly(
                        "create-applied",
                        "skip-applied",
                        "record-applied",
                        "prune-applied",
                        "insert-history",
                        "skip-deletes",
                        "collect-replaced",
                        "delete-replaced",
                        "insert-kept");
        assertThat(p.sql("skip-deletes"))
                .isEqualTo("DELETE FROM \"_b2r_stage\" WHERE \"_b2r_op\" = 'd'");
        assertThat(p.sql("insert-history"))
                .endsWith(
                        " WHERE \"_b2r_op\" <> 'b' AND NOT EXISTS (SELECT 1 FROM \"shop\".\"log_history\""
                                + " WHERE \"log_history\".\"_b2r_pos\" = \"_b2r_stage\".\"_b2r_pos\""
                                + " AND \"log_history\".\"_b2r_op\" = \"_b2r_stage\".\"_b2r_op\""
                                + " AND \"_b2r_stage\".\"_b2r_op\" <> 'r'"
                                + " AND \"_b2r_stage\".\"_b2r_pos\" >= '000000000001:00000000000000000000:000000'"
                                + " AND \"_b2r_stage\".\"_b2r_pos\" NOT LIKE 'E___00000000:%')");
    }

    @Test
    void aMirrorSkipsBinlogChangesAtOrBelowItsAppliedHorizonOnBothWarehouses() {
        String binlog =
                "\"_b2r_op\" <> 'r' AND \"_b2r_pos\" >= '000000000001:00000000000000000000:000000'"
                        + " AND \"_b2r_pos\" NOT LIKE 'E___00000000:%'";
        for (SqlDialect dialect : List.of(new PostgresDialect(), new RedshiftDialect())) {
            MergePlan p = dialect.mergePlan(mirror(log("jsonb", "bytea"), TableMode.defaults()));
            assertThat(p.sql("create-applied"))
                    .isEqualTo(
                            "CREATE TABLE IF NOT EXISTS \"shop\".\"log_b2r_applied\""
                                    + " (\"_b2r_pos\" VARCHAR(40) NOT NULL)");
            assertThat(p.sql("skip-applied"))
                    .isEqualTo(
                            "DELETE FROM \"_b2r_stage\" WHERE "
                                    + binlog
                                    + " AND \"_b2r_pos\" <= (SELECT MAX(\"_b2r_pos\") FROM"
                                    + " \"shop\".\"log_b2r_applied\")");
            assertThat(p.sql("record-applied"))
                    .isEqualTo(
                            "INSERT INTO \"shop\".\"log_b2r_applied\" (\"_b2r_pos\")"
                                    + " SELECT \"_b2r_pos\" FROM (SELECT MAX(\"_b2r_pos\") AS \"_b2r_pos\""
                                    + " FROM \"_b2r_stage\" WHERE "
                                    + binlog
                                    + ") AS \"_b2r_newest\" WHERE \"_b2r_pos\" IS NOT NULL");
            assertThat(p.sql("prune-applied"))
                    .isEqualTo(
                            "DELETE FROM \"shop\".\"log_b2r_applied\" WHERE \"_b2r_pos\" <"
                                    + " (SELECT MAX(\"_b2r_pos\") FROM \"shop\".\"log_b2r_applied\")");
            assertThat(p.afterLoad().stream().filter(MergePlan.Step::counted))
                    .extracting(MergePlan.Step::name)
                    .containsExactly("insert-kept");
        }
    }

    @Test
    void softDeletesKeepAKeylessTableAChangeLog() {
        TableMode soft =
                new TableMode(
                        false,
                        DeleteHandling.SOFT,
                        TableMode.defaults().archive(),
                        false,
                        TableMode.defaults().distStyle(),
                        List.of());
        MergePlan p = new PostgresDialect().mergePlan(mirror(log("jsonb", "bytea"), soft));
        assertThat(ModePlanTest.names(p)).containsExactly("drop-replaced", "append");
    }
}
