package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.Evolving.ORDERS;
import static io.github.binlog2redshift.sink.jdbc.Evolving.col;
import static io.github.binlog2redshift.sink.jdbc.Evolving.ddl;
import static io.github.binlog2redshift.sink.jdbc.Evolving.row;
import static io.github.binlog2redshift.sink.jdbc.Evolving.session;
import static io.github.binlog2redshift.sink.jdbc.Evolving.stage;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.SOURCE;
import static io.github.binlog2redshift.sink.jdbc.StagedBatches.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A snapshot chunk read twice (issue 15, chaos finding 1): under at-least-once delivery the rows of
 * a chunk read before a failover stay in Kafka, and a row deleted before the chunk was read again
 * has no event left to delete it. The second read's range event, committed by whichever subtask,
 * removes such rows from the target and drops them from later stages; rows outside the range and
 * rows of later changes stay.
 */
@ExtendWith(LocalStackExtension.class)
class SnapshotChunkITCase {

    static final List<String> PK = List.of("id");
    static final List<ColumnDef> COLS =
            List.of(col("id", "INT", null, null), col("v", "VARCHAR", 10, null));

    @TempDir Path dir;

    static String chunk(Integer from, Integer to) {
        return SnapshotChunk.range(
                        "id",
                        from == null ? null : BigInteger.valueOf(from),
                        to == null ? null : BigInteger.valueOf(to))
                .statement(SOURCE);
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aChunkReadAgainRemovesRowsDeletedBetweenTheReadsWhicheverSubtaskCommitsFirst(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode m = TableMode.defaults();
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            // Chunk [100, +inf) read first; row 150 stays, it is outside the chunk read again.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            m,
                            List.of(
                                    upsert(COLS, PK, 5, row("id", 150, "v", "keep")),
                                    ddl(chunk(100, null), 5, List.of(), List.of()))));
            // The first read of chunk [1, 100) at 10, partly committed before the failover.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            m,
                            List.of(
                                    upsert(COLS, PK, 10, row("id", 1, "v", "a")),
                                    upsert(COLS, PK, 10, row("id", 2, "v", "b")),
                                    upsert(COLS, PK, 10, row("id", 3, "v", "gone")))));
            // Rows 3 and 4 are deleted at 15 and 16; the chunk is read again at 20. Subtask A
            // commits the range with rows 1 and 2 of the second read.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            m,
                            List.of(
                                    ddl(chunk(null, 100), 20, List.of(), List.of()),
                                    upsert(COLS, PK, 20, row("id", 1, "v", "a")),
                                    upsert(COLS, PK, 20, row("id", 2, "v", "b")))));
            // Subtask B commits later a row of the first read it had not committed yet.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            3,
                            m,
                            List.of(upsert(COLS, PK, 10, row("id", 4, "v", "gone")))));
            // The binlog goes on after the chunk's high watermark.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            4,
                            m,
                            List.of(
                                    upsert(COLS, PK, 30, row("id", 2, "v", "b2")),
                                    upsert(COLS, PK, 31, row("id", 5, "v", "new")))));
        }
        assertThat(Rows.of(db, ORDERS)).containsExactly("1|a", "2|b2", "5|new", "150|keep");
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void aRangeCommittedAloneReachesRowsOfAnOlderReadCommittedBeforeAndAfterIt(
            Warehouse warehouse, LocalStack stack) throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack, dir);
        TableMode soft =
                new TableMode(
                        false,
                        DeleteHandling.SOFT,
                        DeleteArchive.NONE,
                        false,
                        SchemaPolicy.DistStyle.KEY,
                        List.of());
        try (WarehouseSession s = session(db, SchemaPolicy.defaults())) {
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            1,
                            soft,
                            List.of(
                                    upsert(COLS, PK, 10, row("id", 1, "v", "a")),
                                    upsert(COLS, PK, 10, row("id", 2, "v", "gone")))));
            // The whole table read again at 20 (one chunk), its range alone in one subtask's
            // committable: the subtask holding the table's DDL key gets no rows.
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            soft,
                            List.of(
                                    ddl(
                                            SnapshotChunk.wholeTable().statement(SOURCE),
                                            20,
                                            List.of(),
                                            List.of()))));
            s.apply(
                    stage(
                            db,
                            ORDERS,
                            2,
                            soft,
                            List.of(
                                    upsert(COLS, PK, 20, row("id", 1, "v", "a")),
                                    upsert(COLS, PK, 10, row("id", 3, "v", "gone")))));
        }
        // Soft deletes keep the row and flag it; row 3 of the older read is dropped.
        assertThat(
                        Rows.query(
                                db,
                                "SELECT id, v, CASE WHEN _b2r_deleted THEN 'deleted' ELSE 'live'"
                                        + " END AS state FROM shop.orders ORDER BY id"))
                .containsExactly("1|a|live", "2|gone|deleted");
    }
}
