package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.nio.file.Path;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inputs without source positions (DMS, Canal: every position all zeros) empty a table with a plain
 * {@code DELETE FROM} on a TRUNCATE: run a second time, after other subtasks committed rows, it
 * would wipe those. A TRUNCATE's apply fails after the DDL committed, another subtask commits rows
 * meanwhile, and the session's retry must not run the DELETE again; nor must the committable
 * committed once more (a committer replaying it after a failover).
 */
@ExtendWith(LocalStackExtension.class)
class PositionlessDdlITCase {

    static final List<String> PK = List.of("id");
    static final List<ColumnDef> COLS =
            List.of(col("id", "INT", null, null), col("v", "VARCHAR", 10, null));
    static final SourcePosition NONE = new SourcePosition(0, null, 0, 0, 0, null, false, 1);

    @TempDir Path dir;

    static ChangeEvent upsert(int id, String v) {
        return ChangeEvent.insert(StagedBatches.SOURCE, row("id", id, "v", v), NONE, 0, PK, COLS);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aRetriedTruncateDoesNotWipeRowsCommittedAfterIt(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        AtomicInteger failed = new AtomicInteger();
        try (WarehouseSession other = session(db, SchemaPolicy.defaults())) {
            other.apply(stage(db, ORDERS, 1, m, List.of(upsert(1, "before"), upsert(2, "before"))));
            TableCommittable otherRows = stage(db, ORDERS, 2, m, List.of(upsert(4, "other")));
            // After the TRUNCATE's DDL committed, before its merge: the other subtask commits,
            // then this attempt fails as a lost connection would, and the session retries.
            MergeExecutor.StepHook failOnce =
                    step -> {
                        if (step.equals("lock") && failed.getAndIncrement() == 0) {
                            try {
                                other.apply(otherRows);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            throw new SQLTransientConnectionException("injected", "08006");
                        }
                    };
            TableCommittable truncate =
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(
                                    ChangeEvent.schemaChange(
                                            StagedBatches.SOURCE,
                                            "TRUNCATE TABLE orders",
                                            NONE,
                                            0,
                                            PK,
                                            COLS),
                                    upsert(3, "after")));
            try (WarehouseSession s = retrying(db, failOnce)) {
                ApplyResult r = s.apply(truncate);
                assertThat(r.attempts()).as("the apply was retried").isEqualTo(2);
            }
            assertThat(Rows.of(db, ORDERS)).containsExactly("3|after", "4|other");
            // the same committable once more, with rows of another subtask committed before it
            other.apply(stage(db, ORDERS, 3, m, List.of(upsert(5, "later"))));
            try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
                assertThat(s.apply(truncate).alreadyApplied()).isTrue();
            }
        }
        assertThat(failed.get()).isEqualTo(2);
        assertThat(Rows.of(db, ORDERS)).containsExactly("3|after", "4|other", "5|later");
    }

    /** A session that retries once and calls {@code hook} before each step. */
    private static WarehouseSession retrying(SinkTarget db, MergeExecutor.StepHook hook) {
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
                new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(50)));
    }
}
