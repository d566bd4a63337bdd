package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.columns;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two subtasks change one table's columns at once (issue 15: {@code ADD COLUMN added_col
 * VARCHAR(5)}, a row, {@code MODIFY COLUMN added_col VARCHAR(500)} in quick succession). Subtask B
 * commits rows staged after the MODIFY: it reads the catalog (no {@code added_col} yet) and plans
 * to add the column at its final width, while subtask A, which holds the ADD, adds it at the first
 * width. A's ALTER is held open in a transaction here until B's waits for it, so B's ADD finds the
 * narrow column in place. B must then widen it within the same apply: no failed attempt, since a
 * retry would hide the race only while retries last (the session here retries nothing).
 */
@ExtendWith(LocalStackExtension.class)
class ConcurrentColumnChangeITCase {

    static final List<String> PK = List.of("id");
    static final List<ColumnDef> BEFORE =
            List.of(col("id", "INT", null, null), col("nick", "VARCHAR", 10, null));
    static final ColumnDef NARROW = col("added_col", "VARCHAR", 5, null);
    static final List<ColumnDef> WIDENED =
            List.of(
                    col("id", "INT", null, null),
                    col("nick", "VARCHAR", 10, null),
                    col("added_col", "VARCHAR", 500, null));

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aColumnAddedNarrowByAnotherSubtaskMeanwhileIsWidenedInTheSameApply(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (WarehouseSession b = session(db, SchemaPolicy.defaults());
                Connection a = db.connect()) {
            b.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(upsert(BEFORE, PK, 10, row("id", 1, "nick", "n1")))));
            // Subtask A's ADD COLUMN, not committed yet: it holds the table's lock.
            a.setAutoCommit(false);
            try (Statement st = a.createStatement()) {
                st.execute(db.dialect().addColumn(ORDERS, NARROW));
            }
            Future<ApplyResult> rows =
                    thread.submit(
                            () ->
                                    b.apply(
                                            stage(
                                                    db,
                                                    ORDERS,
                                                    2,
                                                    m,
                                                    List.of(
                                                            upsert(
                                                                    WIDENED,
                                                                    PK,
                                                                    30,
                                                                    row(
                                                                            "id",
                                                                            2,
                                                                            "nick",
                                                                            "n2",
                                                                            "added_col",
                                                                            "w".repeat(300)))))));
            Thread.sleep(1500);
            assertThat(rows.isDone()).as("B waits for A's ALTER").isFalse();
            a.commit();
            ApplyResult r = rows.get(60, TimeUnit.SECONDS);
            assertThat(r.attempts()).as("applied without a retry").isEqualTo(1);
        } finally {
            thread.shutdownNow();
        }
        assertThat(columns(db, ORDERS))
                .containsExactly(
                        "id integer",
                        db.either("nick character varying(10)", "nick character varying(40)"),
                        db.either(
                                "added_col character varying(500)",
                                "added_col character varying(2000)"));
        assertThat(Rows.query(db, "SELECT id, length(added_col) FROM shop.orders ORDER BY id"))
                .containsExactly("1|null", "2|300");
    }

    static final List<ColumnDef> SCORE_INT =
            List.of(col("id", "INT", null, null), col("score", "INT", null, null));
    static final List<ColumnDef> SCORE_BIGINT =
            List.of(col("id", "INT", null, null), col("score", "BIGINT", null, null));

    /**
     * {@code MODIFY score BIGINT} reaches the target through two subtasks at once, each having
     * planned the type change from the catalog before the other ran it; on Redshift that is a
     * rebuild (temporary column, copy, drop, rename). Both run while the table is locked by a third
     * writer, so they queue up behind it and behind each other: each finishes in one attempt and no
     * temporary column is left.
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void twoSubtasksChangingOneColumnsTypeAtOnceLeaveOneColumn(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (WarehouseSession a = session(db, SchemaPolicy.defaults());
                WarehouseSession b = session(db, SchemaPolicy.defaults());
                Connection holder = db.connect()) {
            a.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(upsert(SCORE_INT, PK, 10, row("id", 1, "score", 1)))));
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute(db.dialect().lockTable(ORDERS));
            }
            List<Future<ApplyResult>> applies =
                    List.of(
                            threads.submit(
                                    () ->
                                            a.apply(
                                                    stage(
                                                            db,
                                                            ORDERS,
                                                            2,
                                                            m,
                                                            List.of(
                                                                    upsert(
                                                                            SCORE_BIGINT,
                                                                            PK,
                                                                            20,
                                                                            row(
                                                                                    "id",
                                                                                    2,
                                                                                    "score",
                                                                                    10_000_000_000L)))))),
                            threads.submit(
                                    () ->
                                            b.apply(
                                                    stage(
                                                            db,
                                                            ORDERS,
                                                            2,
                                                            m,
                                                            List.of(
                                                                    upsert(
                                                                            SCORE_BIGINT,
                                                                            PK,
                                                                            21,
                                                                            row(
                                                                                    "id",
                                                                                    3,
                                                                                    "score",
                                                                                    20_000_000_000L)))))));
            Thread.sleep(1500);
            assertThat(applies).noneMatch(Future::isDone);
            holder.commit();
            for (Future<ApplyResult> f : applies) {
                assertThat(f.get(60, TimeUnit.SECONDS).attempts()).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(columns(db, ORDERS)).containsExactly("id integer", "score bigint");
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|1", "2|10000000000", "3|20000000000");
    }
}
