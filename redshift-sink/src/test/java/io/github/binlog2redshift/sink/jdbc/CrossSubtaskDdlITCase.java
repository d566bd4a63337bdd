package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.columns;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table's DDL reaches one sink subtask (its dedupe key is the table), its rows reach all of them,
 * and each subtask commits a checkpoint on its own: committables of one checkpoint are applied here
 * in the orders the race allows, and the result is the same.
 */
@ExtendWith(LocalStackExtension.class)
class CrossSubtaskDdlITCase {

    static final List<String> PK = List.of("id");
    static final List<ColumnDef> BEFORE =
            List.of(col("id", "INT", null, null), col("nick", "VARCHAR", 10, null));
    static final List<ColumnDef> AFTER =
            List.of(col("id", "INT", null, null), col("handle", "VARCHAR", 10, null));

    @TempDir Path dir;

    /** VARCHAR(10) in each target's mapping: 10 characters, or 40 bytes of UTF-8 on Redshift. */
    static String handle(SinkTarget db) {
        return db.either("handle character varying(10)", "handle character varying(40)");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aRenamedColumnAddedFirstByAnotherSubtasksRowsIsMergedIntoIt(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(
                                    upsert(BEFORE, PK, 10, row("id", 1, "nick", "n1")),
                                    upsert(BEFORE, PK, 11, row("id", 2, "nick", "n2")))));
            // Subtask A: a row written after the rename, committed before subtask B's DDL.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(upsert(AFTER, PK, 21, row("id", 2, "handle", "h2")))));
            // Subtask B: the rename itself.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(
                                    ddl(
                                            "ALTER TABLE orders RENAME COLUMN nick TO handle",
                                            20,
                                            AFTER,
                                            PK),
                                    upsert(AFTER, PK, 22, row("id", 3, "handle", "h3")))));
        }
        assertThat(columns(db, ORDERS)).containsExactly("id integer", handle(db));
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|n1", "2|h2", "3|h3");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void rowsStagedUnderTheOldNameAndCommittedAfterTheRenameLoadIntoTheNewName(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(upsert(BEFORE, PK, 10, row("id", 1, "nick", "n1")))));
            // Subtask B: the rename.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(
                                    ddl(
                                            "ALTER TABLE orders RENAME COLUMN nick TO handle",
                                            20,
                                            AFTER,
                                            PK))));
            // Subtask A: a row changed before the rename, committed after it.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(upsert(BEFORE, PK, 19, row("id", 2, "nick", "n2")))));
        }
        assertThat(columns(db, ORDERS)).containsExactly("id integer", handle(db));
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|n1", "2|n2");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aColumnRenamedBehindACachedShapeLoadsIntoTheNewName(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        try (WarehouseSession a =
                        session(db, db.dialect(), SchemaPolicy.defaults(), new ShapeCache());
                WarehouseSession b = session(db, SchemaPolicy.defaults())) {
            // Subtask A verifies and caches the shape with "nick".
            a.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(upsert(BEFORE, PK, 10, row("id", 1, "nick", "n1")))));
            // Subtask B renames it.
            b.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(
                                    ddl(
                                            "ALTER TABLE orders RENAME COLUMN nick TO handle",
                                            20,
                                            AFTER,
                                            PK))));
            // A's next rows, staged under the old name, meet its stale cached shape.
            a.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(upsert(BEFORE, PK, 19, row("id", 2, "nick", "n2")))));
        }
        assertThat(columns(db, ORDERS)).containsExactly("id integer", handle(db));
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|n1", "2|n2");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aTruncateEmptiesOnlyRowsOfEarlierChangesWhicheverSubtaskCommitsFirst(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(
                                    upsert(BEFORE, PK, 10, row("id", 1, "nick", "a")),
                                    upsert(BEFORE, PK, 11, row("id", 2, "nick", "b")))));
            // Subtask A: an insert after the TRUNCATE, committed before it.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(upsert(BEFORE, PK, 31, row("id", 4, "nick", "d")))));
            // Subtask B: the TRUNCATE.
            s.apply(stage(db, ORDERS, 2, m, List.of(ddl("TRUNCATE TABLE orders", 30, BEFORE, PK))));
            // Subtask C: an update before the TRUNCATE, committed after it.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(upsert(BEFORE, PK, 29, row("id", 2, "nick", "b2")))));
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("4|d");
    }

    /**
     * Subtask A's merge of rows of changes before a TRUNCATE has passed its DDL path when subtask B
     * commits the TRUNCATE: A reads the schema log under the table's commit lock, so its rows are
     * dropped (they would have stayed had A read it before).
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void rowsMergedAfterATruncateCommittedMidMergeAreDropped(Warehouse warehouse, LocalStack stack)
            throws Exception {
        assertThat(mergeDuringTruncate(SinkTarget.create(warehouse, stack, dir), "lock", false))
                .isEmpty();
    }

    /**
     * Subtask A holds the table's commit lock with rows of changes before a TRUNCATE when subtask B
     * applies the TRUNCATE: B waits for A's commit, then empties its rows too.
     */
    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aTruncateWaitsForAMergeHoldingTheLockAndEmptiesItsRows(
            Warehouse warehouse, LocalStack stack) throws Exception {
        assertThat(mergeDuringTruncate(SinkTarget.create(warehouse, stack, dir), "load", true))
                .isEmpty();
    }

    /**
     * Loads row 1, then applies rows 2 and 3 (changes before the TRUNCATE at 30) in a second
     * session paused before {@code step}, applies the TRUNCATE meanwhile and resumes the merge;
     * returns the target's rows. With {@code blocks}, the TRUNCATE must wait for the merge.
     */
    private List<String> mergeDuringTruncate(SinkTarget db, String step, boolean blocks)
            throws Exception {
        TableMode m = TableMode.defaults();
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        MergeExecutor.StepHook pause =
                at -> {
                    if (at.equals(step) && paused.getCount() > 0) {
                        paused.countDown();
                        try {
                            resume.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (WarehouseSession a = hooked(db, pause);
                WarehouseSession b = session(db, SchemaPolicy.defaults())) {
            b.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(upsert(BEFORE, PK, 10, row("id", 1, "nick", "a")))));
            Future<?> merge =
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
                                                                    BEFORE,
                                                                    PK,
                                                                    28,
                                                                    row("id", 2, "nick", "b")),
                                                            upsert(
                                                                    BEFORE,
                                                                    PK,
                                                                    29,
                                                                    row("id", 3, "nick", "c"))))));
            assertThat(paused.await(60, TimeUnit.SECONDS)).as("merge paused").isTrue();
            Future<?> truncate =
                    threads.submit(
                            () ->
                                    b.apply(
                                            stage(
                                                    db,
                                                    ORDERS,
                                                    2,
                                                    m,
                                                    List.of(
                                                            ddl(
                                                                    "TRUNCATE TABLE orders",
                                                                    30,
                                                                    BEFORE,
                                                                    PK)))));
            if (blocks) {
                Thread.sleep(1000);
                assertThat(truncate.isDone()).as("TRUNCATE waits for the lock").isFalse();
            } else {
                truncate.get(60, TimeUnit.SECONDS);
            }
            resume.countDown();
            merge.get(60, TimeUnit.SECONDS);
            truncate.get(60, TimeUnit.SECONDS);
        } finally {
            resume.countDown();
            threads.shutdownNow();
        }
        return Rows.of(db, ORDERS);
    }

    /** A session whose merges call {@code hook} before each step. */
    private static WarehouseSession hooked(SinkTarget db, MergeExecutor.StepHook hook) {
        var executor =
                new MergeExecutor(
                        db.dialect(),
                        db.stageLoader(),
                        "job-1",
                        false,
                        SchemaPolicy.defaults(),
                        null,
                        hook);
        return new WarehouseSession(
                new ConnectionProvider(db.connection()),
                executor,
                new RetryPolicy(0, Duration.ofMillis(10), Duration.ofMillis(50)));
    }
}
