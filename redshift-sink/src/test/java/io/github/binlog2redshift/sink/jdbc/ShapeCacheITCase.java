package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.COLS;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.PK;
import static io.github.binlog2redshift.sink.jdbc.MergeExecutorITCase.row;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committer's shape cache against each real target: skipped catalog reads, stale entries. */
@ExtendWith(LocalStackExtension.class)
class ShapeCacheITCase {

    @TempDir Path dir;

    private static WarehouseSession session(SinkTarget db, ShapeCache shapes, List<String> steps) {
        var executor =
                new MergeExecutor(
                        db.dialect(),
                        db.stageLoader(),
                        "job-1",
                        false,
                        SchemaPolicy.defaults(),
                        shapes,
                        steps::add);
        return new WarehouseSession(
                new ConnectionProvider(db.connection()),
                executor,
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(10)));
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aSteadyTableSkipsTheLedgerPreCheckAndStillApplies(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        List<String> steps = new ArrayList<>();
        try (WarehouseSession s = session(db, new ShapeCache(), steps)) {
            s.apply(stage(db, ORDERS, 1, List.of(upsert(COLS, PK, 10, row(1, "a")))));
            steps.clear();
            s.apply(stage(db, ORDERS, 2, List.of(upsert(COLS, PK, 20, row(1, "b")))));
            // one ledger check, inside the transaction; no second DDL pass
            assertThat(steps.stream().filter("ledger-check"::equals)).hasSize(1);
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|b");
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aColumnDroppedBehindTheCommitterIsFoundAgain(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = session(db, new ShapeCache(), new ArrayList<>())) {
            s.apply(stage(db, ORDERS, 1, List.of(upsert(COLS, PK, 10, row(1, "a")))));
            try (Connection c = db.connect();
                    Statement st = c.createStatement()) {
                st.execute("ALTER TABLE shop.orders DROP COLUMN note");
            }
            // The cached shape still has "note": the first attempt fails on the catalog mismatch,
            // the second re-reads the catalog, re-adds the column and applies.
            ApplyResult r =
                    s.apply(stage(db, ORDERS, 2, List.of(upsert(COLS, PK, 20, row(2, "b")))));
            assertThat(r.rowsApplied()).isEqualTo(1);
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|null", "2|b");
        }
    }
}
