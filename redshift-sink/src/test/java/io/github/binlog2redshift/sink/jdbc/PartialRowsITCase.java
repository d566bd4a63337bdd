package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.StagedBatches.SOURCE;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.pos;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.internal.TableStaging;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Staged rows of partial row images (binlog_row_image MINIMAL/NOBLOB) against each real target: the
 * columns a row carries are written, the others keep the target's values; a row whose key the
 * target does not have is never written with made-up NULLs: the commit fails for the table
 * (quarantine) and rolls back.
 */
@ExtendWith(LocalStackExtension.class)
class PartialRowsITCase {

    static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("id", "BIGINT", null, null, false),
                    ColumnDef.of("note", "VARCHAR", 100, null, true),
                    ColumnDef.of("qty", "INT", null, null, true));
    static final List<String> PK = List.of("id");
    static final TargetTable ORDERS = new TargetTable("shop", "orders");

    @TempDir Path dir;

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static ChangeEvent partial(Op op, long position, Map<String, Object> image) {
        Map<String, Object> key = op == Op.UPDATE ? row("id", image.get("id")) : null;
        return op == Op.DELETE
                ? new ChangeEvent(SOURCE, op, image, null, pos(position), 0, PK, COLS, null, true)
                : new ChangeEvent(SOURCE, op, key, image, pos(position), 0, PK, COLS, null, true);
    }

    /** {@code events} staged as the sink's writer stages them. */
    static TableCommittable staged(SinkTarget db, long checkpoint, ChangeEvent... events)
            throws Exception {
        TableStaging s =
                new TableStaging(
                        ORDERS,
                        db.stagingUri(),
                        0,
                        true,
                        db.dialect().binaryPrefix(),
                        TableMode.defaults());
        for (ChangeEvent e : events) {
            s.add(e);
        }
        return s.finish().withCheckpointId(checkpoint);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void onlyTheColumnsReceivedAreWritten(Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        try (WarehouseSession s = MergeExecutorITCase.session(db, MergeExecutor.StepHook.NONE)) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            List.of(
                                    upsert(COLS, PK, 10, row("id", 1L, "note", "a", "qty", 1)),
                                    upsert(COLS, PK, 11, row("id", 2L, "note", "b", "qty", 2)),
                                    upsert(COLS, PK, 12, row("id", 3L, "note", "c", "qty", 3)))));
            ApplyResult r =
                    s.apply(
                            staged(
                                    db,
                                    2,
                                    partial(Op.UPDATE, 20, row("id", 1L, "qty", 10)),
                                    partial(Op.UPDATE, 21, row("id", 2L, "note", null)),
                                    partial(Op.DELETE, 22, row("id", 3L))));
            assertThat(r.rowsApplied()).isEqualTo(3);
            assertThat(Rows.of(db, ORDERS)).containsExactly("1|a|10", "2|null|2");

            TableCommittable orphan =
                    staged(
                            db,
                            3,
                            partial(Op.UPDATE, 30, row("id", 1L, "note", "x")),
                            // an INSERT whose qty took its DEFAULT, of a key the target lacks
                            partial(Op.CREATE, 31, row("id", 4L, "note", "d")));
            assertThatThrownBy(() -> s.apply(orphan))
                    .isInstanceOf(ApplyFailedException.class)
                    .satisfies(e -> assertThat(((ApplyFailedException) e).tableLevel()).isTrue())
                    .hasMessageContaining("1 staged rows of partial row images")
                    .hasMessageContaining("has no row of their key");
            assertThat(Rows.of(db, ORDERS))
                    .as("rolled back: no row with a made-up NULL, nor the other change")
                    .containsExactly("1|a|10", "2|null|2");
        }
    }
}
