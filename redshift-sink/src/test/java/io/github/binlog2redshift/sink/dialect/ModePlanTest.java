package io.github.binlog2redshift.sink.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.sink.dialect.MergePlan.Step;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The merge plan's steps per table mode, as exact text (the same on both warehouses). */
class ModePlanTest {

    static TableMode mode(DeleteHandling d, DeleteArchive a, boolean history) {
        TableMode x = TableMode.defaults();
        return new TableMode(false, d, a, history, x.distStyle(), x.sortKey());
    }

    static List<String> names(MergePlan p) {
        return p.afterLoad().stream().map(Step::name).toList();
    }

    @Test
    void softDeleteFlagsThenWritesDeletesAsUpdates() {
        MergePlan p =
                new PostgresDialect()
                        .mergePlan(
                                MergeInput.of(Shapes.orders())
                                        .withMode(
                                                mode(
                                                        DeleteHandling.SOFT,
                                                        DeleteArchive.NONE,
                                                        false)));
        assertThat(names(p))
                .containsExactly(
                        "flag-deleted",
                        "keep-deleted",
                        "delete-older",
                        "delete-older-tombstones",
                        "insert-tombstones",
                        "insert-newer");
        assertThat(p.sql("flag-deleted"))
                .isEqualTo(
                        "UPDATE \"_b2r_stage\" SET \"_b2r_deleted\" = CASE WHEN \"_b2r_op\" = 'd' THEN TRUE ELSE FALSE END,"
                                + " \"_b2r_deleted_at\" = CASE WHEN \"_b2r_op\" = 'd' THEN \"_b2r_ts\" END");
        assertThat(p.sql("keep-deleted"))
                .isEqualTo("UPDATE \"_b2r_stage\" SET \"_b2r_op\" = 'u' WHERE \"_b2r_op\" = 'd'");
        assertThat(p.sql("insert-newer"))
                .startsWith(
                        "INSERT INTO \"shop\".\"orders\" (\"id\", \"note\", \"_b2r_pos\", \"_b2r_ts\", \"_b2r_deleted\", \"_b2r_deleted_at\")"
                                + " SELECT \"id\", \"note\", \"_b2r_pos\", \"_b2r_ts\", \"_b2r_deleted\", \"_b2r_deleted_at\" FROM \"_b2r_stage\"");
    }

    @Test
    void skipDeleteWritesTheBeforeImage() {
        MergePlan p =
                new RedshiftDialect()
                        .mergePlan(
                                MergeInput.of(Shapes.orders())
                                        .withMode(
                                                mode(
                                                        DeleteHandling.SKIP,
                                                        DeleteArchive.NONE,
                                                        false)));
        assertThat(names(p))
                .containsExactly(
                        "keep-deleted",
                        "delete-older",
                        "delete-older-tombstones",
                        "insert-tombstones",
                        "insert-newer");
    }

    @Test
    void archiveHistoryAndTruncateCutoff() {
        MergeInput in =
                new MergeInput(
                        Shapes.orders(),
                        mode(DeleteHandling.APPLY, DeleteArchive.ALSO_SAVE, true),
                        Shapes.orders().table(),
                        Map.of("_b2r_op", "CHAR(1)"),
                        true,
                        "000000000003:00000000000000000030:000000");
        MergePlan p = new PostgresDialect().mergePlan(in);
        assertThat(names(p))
                .startsWith(
                        "drop-before-truncate",
                        "insert-history",
                        "insert-archive",
                        "keep-latest",
                        "delete-older");
        assertThat(p.sql("drop-before-truncate"))
                .isEqualTo(
                        "DELETE FROM \"_b2r_stage\" WHERE \"_b2r_pos\" < '000000000003:00000000000000000030:000000'");
        assertThat(p.sql("insert-history"))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"orders_history\" (\"id\", \"note\", \"_b2r_op\", \"_b2r_pos\", \"_b2r_ts\")"
                                + " SELECT \"id\", \"note\", \"_b2r_op\", \"_b2r_pos\", \"_b2r_ts\" FROM \"_b2r_stage\""
                                + " WHERE NOT EXISTS (SELECT 1 FROM \"shop\".\"orders_history\""
                                + " WHERE \"orders_history\".\"id\" = \"_b2r_stage\".\"id\""
                                + " AND \"orders_history\".\"_b2r_pos\" = \"_b2r_stage\".\"_b2r_pos\""
                                + " AND \"_b2r_stage\".\"_b2r_pos\" >= '000000000001:00000000000000000000:000000'"
                                + " AND \"_b2r_stage\".\"_b2r_pos\" NOT LIKE 'E___00000000:%')");
        assertThat(p.sql("insert-archive"))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"orders_delete\" (\"id\", \"note\", \"_b2r_pos\", \"_b2r_deleted_at\")"
                                + " SELECT \"id\", \"note\", \"_b2r_pos\", \"_b2r_ts\" FROM \"_b2r_stage\" WHERE \"_b2r_op\" = 'd'"
                                + " AND NOT EXISTS (SELECT 1 FROM \"shop\".\"orders_delete\""
                                + " WHERE \"orders_delete\".\"id\" = \"_b2r_stage\".\"id\""
                                + " AND \"orders_delete\".\"_b2r_pos\" = \"_b2r_stage\".\"_b2r_pos\""
                                + " AND \"_b2r_stage\".\"_b2r_pos\" >= '000000000001:00000000000000000000:000000'"
                                + " AND \"_b2r_stage\".\"_b2r_pos\" NOT LIKE 'E___00000000:%')");
        assertThat(p.afterLoad().get(2).counted()).isFalse();
    }

    @Test
    void historyKeepsTheNewestChangePerKeyForTheTargetOnBothWarehouses() {
        String keepLatest =
                "DELETE FROM \"_b2r_stage\" USING \"_b2r_stage\" AS \"_b2r_newer\""
                        + " WHERE \"_b2r_newer\".\"id\" = \"_b2r_stage\".\"id\""
                        + " AND \"_b2r_newer\".\"_b2r_pos\" > \"_b2r_stage\".\"_b2r_pos\"";
        for (SqlDialect dialect : List.of(new PostgresDialect(), new RedshiftDialect())) {
            MergePlan p =
                    dialect.mergePlan(
                            MergeInput.of(Shapes.orders())
                                    .withMode(mode(DeleteHandling.SOFT, DeleteArchive.NONE, true)));
            assertThat(names(p))
                    .startsWith("insert-history", "keep-latest", "flag-deleted", "keep-deleted");
            assertThat(p.sql("keep-latest")).isEqualTo(keepLatest);
        }
        MergePlan mirrored = new PostgresDialect().mergePlan(MergeInput.of(Shapes.orders()));
        assertThat(names(mirrored)).doesNotContain("keep-latest");
    }

    @Test
    void onlySaveDeleteStagesLikeTheArchiveAndCountsArchivedRows() {
        var shape = Shapes.orders();
        MergeInput in =
                new MergeInput(
                        shape,
                        mode(DeleteHandling.APPLY, DeleteArchive.ONLY_SAVE, false),
                        shape.archiveTable(),
                        Map.of("_b2r_op", "CHAR(1)", "_b2r_ts", "TIMESTAMPTZ"),
                        false,
                        null);
        MergePlan p = new RedshiftDialect().mergePlan(in);
        assertThat(p.sql("create-stage"))
                .isEqualTo("CREATE TEMP TABLE \"_b2r_stage\" (LIKE \"shop\".\"orders_delete\")");
        assertThat(names(p)).containsExactly("insert-archive");
        assertThat(p.afterLoad().get(0).counted()).isTrue();
    }

    @Test
    void appendOnlyAndUnguardedUserTables() {
        TableShape noKey =
                new TableShape(Shapes.orders().table(), Shapes.orders().columns(), List.of());
        MergePlan append =
                new PostgresDialect()
                        .mergePlan(
                                MergeInput.of(
                                        noKey,
                                        TableMode.defaults().withKeyless(KeylessMode.APPEND)));
        assertThat(append.beforeLoad()).hasSize(2);
        assertThat(names(append)).containsExactly("drop-replaced", "append");
        assertThat(append.sql("drop-replaced"))
                .isEqualTo("DELETE FROM \"_b2r_stage\" WHERE \"_b2r_op\" = 'b'");
        assertThat(append.sql("append"))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"orders\" (\"id\", \"note\", \"_b2r_pos\", \"_b2r_ts\", \"_b2r_op\")"
                                + " SELECT \"id\", \"note\", \"_b2r_pos\", \"_b2r_ts\", \"_b2r_op\" FROM \"_b2r_stage\""
                                + " WHERE NOT EXISTS (SELECT 1 FROM \"shop\".\"orders\""
                                + " WHERE \"orders\".\"_b2r_pos\" = \"_b2r_stage\".\"_b2r_pos\""
                                + " AND \"orders\".\"_b2r_op\" = \"_b2r_stage\".\"_b2r_op\""
                                + " AND \"_b2r_stage\".\"_b2r_op\" <> 'r'"
                                + " AND \"_b2r_stage\".\"_b2r_pos\" >= '000000000001:00000000000000000000:000000'"
                                + " AND \"_b2r_stage\".\"_b2r_pos\" NOT LIKE 'E___00000000:%')");
        MergeInput user =
                new MergeInput(
                        Shapes.orders(),
                        TableMode.defaults().withIgnoreDdl(true),
                        Shapes.orders().table(),
                        Map.of("_b2r_op", "CHAR(1)"),
                        false,
                        null);
        MergePlan p = new RedshiftDialect().mergePlan(user);
        assertThat(p.sql("delete-matching"))
                .isEqualTo(
                        "DELETE FROM \"shop\".\"orders\" USING \"_b2r_stage\" WHERE \"orders\".\"id\" = \"_b2r_stage\".\"id\"");
        assertThat(p.sql("insert-latest"))
                .isEqualTo(
                        "INSERT INTO \"shop\".\"orders\" (\"id\", \"note\") SELECT \"id\", \"note\" FROM \"_b2r_stage\" WHERE \"_b2r_op\" <> 'd'");
    }
}
