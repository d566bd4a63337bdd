package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge plan of a mirrored table is the same text on both warehouses. */
class MergePlanTest {

    static final String TOMB_MATCH = " WHERE \"orders_b2r_deleted\".\"id\" = \"_b2r_stage\".\"id\"";

    static final MergePlan ORDERS =
            new MergePlan(
                    List.of(
                            new Step("drop-stage", "DROP TABLE IF EXISTS \"_b2r_stage\"", false),
                            new Step(
                                    "create-stage",
                                    "CREATE TEMP TABLE \"_b2r_stage\" (LIKE \"shop\".\"orders\")",
                                    false),
                            new Step(
                                    "add-stage-column",
                                    "ALTER TABLE \"_b2r_stage\" ADD COLUMN \"_b2r_op\" CHAR(1)",
                                    false)),
                    List.of(
                            new Step(
                                    "delete-older",
                                    "DELETE FROM \"shop\".\"orders\" USING \"_b2r_stage\""
                                            + " WHERE \"orders\".\"id\" = \"_b2r_stage\".\"id\""
                                            + " AND COALESCE(\"orders\".\"_b2r_pos\", '') <= \"_b2r_stage\".\"_b2r_pos\"",
                                    false),
                            new Step(
                                    "delete-older-tombstones",
                                    "DELETE FROM \"shop\".\"orders_b2r_deleted\" USING \"_b2r_stage\""
                                            + TOMB_MATCH
                                            + " AND \"orders_b2r_deleted\".\"_b2r_pos\" <= \"_b2r_stage\".\"_b2r_pos\"",
                                    false),
                            new Step(
                                    "insert-tombstones",
                                    "INSERT INTO \"shop\".\"orders_b2r_deleted\" (\"id\", \"_b2r_pos\")"
                                            + " SELECT \"id\", \"_b2r_pos\" FROM \"_b2r_stage\""
                                            + " WHERE \"_b2r_op\" = 'd' AND NOT EXISTS"
                                            + " (SELECT 1 FROM \"shop\".\"orders_b2r_deleted\""
                                            + TOMB_MATCH
                                            + ")",
                                    true),
                            new Step(
                                    "insert-newer",
                                    "INSERT INTO \"shop\".\"orders\" (\"id\", \"note\", \"_b2r_pos\", \"_b2r_ts\")"
                                            + " SELECT \"id\", \"note\", \"_b2r_pos\", \"_b2r_ts\" FROM \"_b2r_stage\""
                                            + " WHERE \"_b2r_op\" <> 'd' AND NOT EXISTS"
                                            + " (SELECT 1 FROM \"shop\".\"orders\""
                                            + " WHERE \"orders\".\"id\" = \"_b2r_stage\".\"id\")"
                                            + " AND NOT EXISTS (SELECT 1 FROM \"shop\".\"orders_b2r_deleted\""
                                            + TOMB_MATCH
                                            + " AND \"orders_b2r_deleted\".\"_b2r_pos\" > \"_b2r_stage\".\"_b2r_pos\")",
                                    true)),
                    "DROP TABLE IF EXISTS \"_b2r_stage\"");

    @Test
    void redshiftPlan() {
        assertThat(new RedshiftDialect().mergePlan(MergeInput.of(Shapes.orders())))
                .isEqualTo(ORDERS);
    }

    @Test
    void postgresPlan() {
        assertThat(new PostgresDialect().mergePlan(MergeInput.of(Shapes.orders())))
                .isEqualTo(ORDERS);
    }

    @Test
    void compositeKeyAndQuotedNames() {
        MergePlan plan = new PostgresDialect().mergePlan(MergeInput.of(Shapes.weird()));
        assertThat(plan.sql("create-stage"))
                .isEqualTo(
                        "CREATE TEMP TABLE \"_b2r_stage\" (LIKE \"we\"\"ird\".\"line \"\"items\")");
        assertThat(plan.sql("delete-older"))
                .isEqualTo(
                        "DELETE FROM \"we\"\"ird\".\"line \"\"items\" USING \"_b2r_stage\""
                                + " WHERE \"line \"\"items\".\"order\"\"id\" = \"_b2r_stage\".\"order\"\"id\""
                                + " AND \"line \"\"items\".\"Line\" = \"_b2r_stage\".\"Line\""
                                + " AND COALESCE(\"line \"\"items\".\"_b2r_pos\", '') <= \"_b2r_stage\".\"_b2r_pos\"");
        assertThat(plan.sql("insert-tombstones"))
                .isEqualTo(
                        "INSERT INTO \"we\"\"ird\".\"line \"\"items_b2r_deleted\""
                                + " (\"order\"\"id\", \"Line\", \"_b2r_pos\")"
                                + " SELECT \"order\"\"id\", \"Line\", \"_b2r_pos\" FROM \"_b2r_stage\""
                                + " WHERE \"_b2r_op\" = 'd' AND NOT EXISTS"
                                + " (SELECT 1 FROM \"we\"\"ird\".\"line \"\"items_b2r_deleted\""
                                + " WHERE \"line \"\"items_b2r_deleted\".\"order\"\"id\" = \"_b2r_stage\".\"order\"\"id\""
                                + " AND \"line \"\"items_b2r_deleted\".\"Line\" = \"_b2r_stage\".\"Line\")");
    }

    @Test
    void runOrderPutsTheLoadAfterTheStageAndDropsItAtTheEnd() {
        List<String> order = ORDERS.inOrder();
        assertThat(order).hasSize(9);
        assertThat(order.get(3)).isNull();
        assertThat(order.get(8)).isEqualTo(ORDERS.dropStage());
    }

    @Test
    void keyColumnsMustBeColumns() {
        assertThatThrownBy(
                        () ->
                                new TableShape(
                                        new TargetTable("s", "t"),
                                        List.of(ColumnDef.of("a", "INT", null, null, true)),
                                        List.of("b")))
                .hasMessage("key column 'b' of table s.t is not among its columns");
    }

    @Test
    void partialRowsAreFilledFromTheTargetRowThenCheckedBeforeTheMerge() {
        MergeInput in =
                MergeInput.of(Shapes.orders())
                        .withPartialColumns(List.of(List.of("note"), List.of("gone", "note")));
        for (SqlDialect dialect : List.of(new RedshiftDialect(), new PostgresDialect())) {
            MergePlan plan = dialect.mergePlan(in);
            assertThat(plan.afterLoad().subList(0, 3))
                    .containsExactly(
                            new Step(
                                    "fill-partial-rows",
                                    "UPDATE \"_b2r_stage\" SET \"note\" = \"orders\".\"note\","
                                            + " \"_b2r_absent\" = NULL FROM \"shop\".\"orders\""
                                            + " WHERE \"_b2r_stage\".\"_b2r_absent\" = '0'"
                                            + " AND \"orders\".\"id\" = \"_b2r_stage\".\"id\""
                                            + " AND COALESCE(\"orders\".\"_b2r_pos\", '') <= \"_b2r_stage\".\"_b2r_pos\"",
                                    false),
                            // a column the target does not have is not taken from it
                            new Step(
                                    "fill-partial-rows",
                                    "UPDATE \"_b2r_stage\" SET \"note\" = \"orders\".\"note\","
                                            + " \"_b2r_absent\" = NULL FROM \"shop\".\"orders\""
                                            + " WHERE \"_b2r_stage\".\"_b2r_absent\" = '1'"
                                            + " AND \"orders\".\"id\" = \"_b2r_stage\".\"id\""
                                            + " AND COALESCE(\"orders\".\"_b2r_pos\", '') <= \"_b2r_stage\".\"_b2r_pos\"",
                                    false),
                            Step.expectNone(
                                    "check-partial-rows",
                                    "SELECT COUNT(*) FROM \"_b2r_stage\""
                                            + " WHERE \"_b2r_stage\".\"_b2r_absent\" IS NOT NULL"
                                            + " AND \"_b2r_op\" <> 'd' AND NOT EXISTS"
                                            + " (SELECT 1 FROM \"shop\".\"orders\""
                                            + " WHERE \"orders\".\"id\" = \"_b2r_stage\".\"id\")"
                                            + " AND NOT EXISTS (SELECT 1 FROM \"shop\".\"orders_b2r_deleted\""
                                            + TOMB_MATCH
                                            + " AND \"orders_b2r_deleted\".\"_b2r_pos\" > \"_b2r_stage\".\"_b2r_pos\")",
                                    plan.afterLoad().get(2).failure()));
            assertThat(plan.afterLoad().get(2).failure())
                    .contains("has no row of their key")
                    .contains("binlog_row_image");
            assertThat(plan.afterLoad().subList(3, plan.afterLoad().size()))
                    .as("then the merge of a batch of full rows")
                    .isEqualTo(ORDERS.afterLoad());
        }
        assertThat(new PostgresDialect().mergePlan(MergeInput.of(Shapes.orders())).afterLoad())
                .as("no partial rows, no extra steps")
                .isEqualTo(ORDERS.afterLoad());
    }
}
