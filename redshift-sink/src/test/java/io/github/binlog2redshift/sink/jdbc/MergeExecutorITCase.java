package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.StagedBatches.delete;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The merge plan against each real target: ordering, deletes, the ledger, rollback. */
@ExtendWith(LocalStackExtension.class)
class MergeExecutorITCase {

    static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("id", "BIGINT", null, null, false),
                    ColumnDef.of("note", "VARCHAR", 100, null, true));
    static final List<String> PK = List.of("id");
    static final TargetTable ORDERS = new TargetTable("shop", "orders");

    @TempDir Path dir;

    static Map<String, Object> row(long id, String note) {
        var m = new java.util.LinkedHashMap<String, Object>();
        m.put("id", id);
        m.put("note", note);
        return m;
    }

    static WarehouseSession session(SinkTarget db, MergeExecutor.StepHook hook) {
        var executor = new MergeExecutor(db.dialect(), db.stageLoader(), "job-1", false, hook);
        return new WarehouseSession(
                new ConnectionProvider(db.connection()),
                executor,
                new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void insertUpdateDeleteAndReinsertOfOneKey(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(stage(db, ORDERS, 1, List.of(upsert(COLS, PK, 10, row(1, "new")))));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|new");
            s.apply(stage(db, ORDERS, 2, List.of(upsert(COLS, PK, 20, row(1, "paid")))));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|paid");
            ApplyResult deleted =
                    s.apply(stage(db, ORDERS, 3, List.of(delete(COLS, PK, 30, row(1, "paid")))));
            assertThat(deleted.rowsApplied()).isEqualTo(1);
            assertThat(Rows.of(db, ORDERS)).isEmpty();
            s.apply(stage(db, ORDERS, 4, List.of(upsert(COLS, PK, 40, row(1, "again")))));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|again");
            assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_commit_ledger")).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void olderStagedRowsNeverOverwriteNewerOnesNorResurrectDeletedKeys(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            List.of(
                                    upsert(COLS, PK, 50, row(1, "newest")),
                                    upsert(COLS, PK, 10, row(2, "two")))));
            s.apply(stage(db, ORDERS, 2, List.of(delete(COLS, PK, 60, row(2, "two")))));
            // A replay of older changes (e.g. a restore from an older checkpoint):
            ApplyResult replay =
                    s.apply(
                            stage(
                                    db,
                                    ORDERS,
                                    3,
                                    List.of(
                                            upsert(COLS, PK, 40, row(1, "older")),
                                            upsert(COLS, PK, 10, row(2, "two")))));
            assertThat(replay.rowsApplied()).isZero();
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|newest");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void withoutSourcePositionsTheLaterBatchWins(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        var zero =
                new io.github.binlog2redshift.event.SourcePosition(
                        0, null, 0, 0, 0, null, false, 0);
        var src = StagedBatches.SOURCE;
        try (WarehouseSession s = session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            List.of(
                                    ChangeEvent.insert(src, row(1, "first"), zero, 0, PK, COLS),
                                    ChangeEvent.insert(src, row(2, "two"), zero, 0, PK, COLS))));
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            List.of(
                                    ChangeEvent.update(
                                            src, null, row(1, "second"), zero, 0, PK, COLS),
                                    ChangeEvent.delete(src, row(2, "two"), zero, 0, PK, COLS))));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|second");
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            List.of(ChangeEvent.insert(src, row(2, "back"), zero, 0, PK, COLS))));
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|second", "2|back");
        }
    }

    /**
     * PostgreSQL only: the writer keeps copies of small files for the PostgreSQL loader alone;
     * Redshift's COPY reads every file from S3 itself.
     */
    @Test
    void aFileWithKeptBytesIsLoadedFromThemNotFromTheFileSystem(LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(Warehouse.POSTGRES, stack, dir);
        TableCommittable staged =
                stage(db, ORDERS, 1, List.of(upsert(COLS, PK, 10, row(1, "kept"))));
        StagedFile file = staged.files().get(0);
        Path onDisk = Path.of(java.net.URI.create(file.path()));
        byte[] bytes = Files.readAllBytes(onDisk);
        Files.delete(onDisk);
        TableCommittable withCopy =
                new TableCommittable(
                        staged.table(),
                        staged.checkpointId(),
                        staged.stagingId(),
                        staged.subtask(),
                        List.of(new StagedFile(file.path(), file.columns(), file.rows(), bytes)),
                        staged.maxSourcePosition(),
                        staged.maxSourceTsMs(),
                        staged.columns(),
                        staged.primaryKey(),
                        staged.schemaChanges(),
                        staged.mode());
        try (WarehouseSession s = session(db, MergeExecutor.StepHook.NONE)) {
            // Without the copy the file is read from the file system, which lost it.
            assertThatThrownBy(() -> s.apply(staged)).isInstanceOf(ApplyFailedException.class);
            assertThat(s.apply(withCopy).rowsLoaded()).isEqualTo(1);
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|kept");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aCommittableAppliedTwiceIsSkippedByTheLedger(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, MergeExecutor.StepHook.NONE)) {
            TableCommittable batch =
                    stage(db, ORDERS, 5, List.of(upsert(COLS, PK, 10, row(1, "once"))));
            assertThat(s.apply(batch).alreadyApplied()).isFalse();
            try (Connection c = db.connect()) {
                c.createStatement().execute("UPDATE shop.orders SET note = 'edited by hand'");
            }
            ApplyResult again = s.apply(batch);
            assertThat(again.alreadyApplied()).isTrue();
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|edited by hand");
            assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_commit_ledger")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aFailureInsideTheTransactionRollsBackEverything(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(stage(db, ORDERS, 1, List.of(upsert(COLS, PK, 10, row(1, "kept")))));
        }
        TableCommittable batch =
                stage(
                        db,
                        ORDERS,
                        2,
                        List.of(
                                upsert(COLS, PK, 20, row(1, "lost")),
                                delete(COLS, PK, 20, row(9, "x"))));
        MergeExecutor.StepHook failAtInsert =
                step -> {
                    if (step.equals("insert-newer")) {
                        throw new SQLException("injected failure", "22000");
                    }
                };
        try (WarehouseSession s = session(db, failAtInsert)) {
            assertThatThrownBy(() -> s.apply(batch))
                    .isInstanceOf(ApplyFailedException.class)
                    .hasMessageContaining("table shop.orders at checkpoint 2")
                    // A table's own error is retried within max-retries (2) before it gives up.
                    .hasMessageContaining("after 3 attempts")
                    .hasMessageContaining("failed at step 'insert-newer'");
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|kept");
        assertThat(Rows.count(db, "SELECT count(*) FROM shop.orders_b2r_deleted")).isZero();
        assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_commit_ledger")).isEqualTo(1);
        try (WarehouseSession s = session(db, MergeExecutor.StepHook.NONE)) {
            assertThat(s.apply(batch).alreadyApplied()).isFalse();
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|lost");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aKilledConnectionIsRetriedOnANewOne(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        int[] kills = {0};
        MergeExecutor.StepHook killOnce =
                step -> {
                    if (step.equals("delete-older") && kills[0]++ == 0) {
                        db.terminateOtherSessions();
                    }
                };
        try (WarehouseSession s = session(db, killOnce)) {
            ApplyResult r =
                    s.apply(stage(db, ORDERS, 1, List.of(upsert(COLS, PK, 10, row(1, "a")))));
            assertThat(r.attempts()).isEqualTo(2);
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|a");
        assertThat(Rows.count(db, "SELECT count(*) FROM shop._b2r_commit_ledger")).isEqualTo(1);
    }
}
