package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.COLS;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.PK;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.row;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.WarehouseCommitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.connector.sink2.Committer.CommitRequest;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committer: per-table checkpoint order, tables in parallel, safe twice, failures named. */
@ExtendWith(LocalStackExtension.class)
class WarehouseCommitterITCase {

    static final TargetTable A = new TargetTable("shop", "a");
    static final TargetTable B = new TargetTable("shop", "b");

    @TempDir Path dir;

    /** What Flink hands the committer; only the committable is read. */
    record Request(TableCommittable getCommittable) implements CommitRequest<TableCommittable> {
        public int getNumberOfRetries() {
            return 0;
        }

        public void signalFailedWithKnownReason(Throwable t) {
            throw new AssertionError("the committer must not discard committables", t);
        }

        public void signalFailedWithUnknownReason(Throwable t) {
            throw new AssertionError("the committer must not discard committables", t);
        }

        public void retryLater() {}

        public void updateAndRetryLater(TableCommittable c) {}

        public void signalAlreadyCommitted() {}
    }

    WarehouseCommitter committer(SinkTarget db) {
        return new WarehouseCommitter(
                () -> MergeExecutorITCase.session(db, MergeExecutor.StepHook.NONE),
                2,
                new UnregisteredMetricsGroup());
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void appliesEachTableInCheckpointOrderAndIsSafeToCallTwice(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        List<CommitRequest<TableCommittable>> requests =
                List.of(
                        new Request(stage(db, A, 2, List.of(upsert(COLS, PK, 20, row(1, "a2"))))),
                        new Request(stage(db, B, 1, List.of(upsert(COLS, PK, 10, row(1, "b1"))))),
                        new Request(stage(db, A, 1, List.of(upsert(COLS, PK, 10, row(1, "a1"))))));
        try (WarehouseCommitter c = committer(db)) {
            c.commit(requests);
            c.commit(requests);
        }
        assertThat(Rows.of(db, A)).containsExactly("1|a2");
        assertThat(Rows.of(db, B)).containsExactly("1|b1");
        assertThat(
                        Rows.query(
                                db,
                                "SELECT target_table, checkpoint_id FROM shop._b2r_commit_ledger"
                                        + " ORDER BY 1, 2"))
                .containsExactly("shop.a|1", "shop.a|2", "shop.b|1");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aFailingTableFailsTheCommitByNameWhileOthersApply(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableCommittable good = stage(db, A, 7, List.of(upsert(COLS, PK, 10, row(1, "ok"))));
        TableCommittable staged = stage(db, B, 7, List.of(upsert(COLS, PK, 10, row(1, "x"))));
        TableCommittable lost =
                new TableCommittable(
                        B,
                        7,
                        staged.stagingId(),
                        0,
                        List.of(
                                new StagedFile(
                                        db.stagingUri() + "missing.csv.gz",
                                        List.of("id", "note"),
                                        1)),
                        staged.maxSourcePosition(),
                        0,
                        COLS,
                        PK,
                        List.of(),
                        io.github.binlog2redshift.sink.dialect.TableMode.defaults());
        try (WarehouseCommitter c = committer(db)) {
            assertThatThrownBy(() -> c.commit(List.of(new Request(good), new Request(lost))))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("table shop.b at checkpoint 7")
                    .hasMessageContaining("failed at step 'load'");
        }
        assertThat(Rows.of(db, A)).containsExactly("1|ok");
        assertThat(Rows.of(db, B)).isEmpty();
    }
}
