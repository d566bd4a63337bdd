package io.github.binlog2redshift.sink.dedupe;

import static io.github.binlog2redshift.sink.dedupe.Changes.at;
import static io.github.binlog2redshift.sink.dedupe.Changes.delete;
import static io.github.binlog2redshift.sink.dedupe.Changes.every;
import static io.github.binlog2redshift.sink.dedupe.Changes.keylessInsert;
import static io.github.binlog2redshift.sink.dedupe.Changes.keylessRead;
import static io.github.binlog2redshift.sink.dedupe.Changes.none;
import static io.github.binlog2redshift.sink.dedupe.Changes.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dedupe operator with changes that keep every change of their key (history tables, tables
 * without a key), on both state backends.
 */
class LatestChangeOperatorRetentionTest {

    private DedupeHarness harness;

    private void open(StateBackend backend, OperatorSubtaskState restored) throws Exception {
        harness = DedupeHarness.open(backend, restored);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<StagedChange> checkpoint(long id, RoutedChange... changes) throws Exception {
        harness.send(changes);
        return harness.checkpoint(id);
    }

    private static List<Object> values(List<StagedChange> out) {
        return out.stream().map(c -> c.event().after().get("v")).toList();
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void historyGetsThreeUpdatesOfOneKeyInSourceOrderWhereMirroringGetsOne(StateBackend backend)
            throws Exception {
        open(backend, null);
        List<StagedChange> history =
                checkpoint(
                        1,
                        every(upsert(1, "v1", at(101), 0, 1)),
                        every(upsert(1, "v3", at(103), 1, 3)),
                        every(upsert(1, "v2", at(102), 0, 2)));
        assertThat(values(history)).containsExactly("v1", "v2", "v3");
        List<StagedChange> mirrored =
                checkpoint(
                        2,
                        upsert(1, "v1", at(201), 0, 4),
                        upsert(1, "v2", at(202), 0, 5),
                        upsert(1, "v3", at(203), 0, 6));
        assertThat(values(mirrored)).containsExactly("v3");
        assertThat(checkpoint(3)).as("both buffers are empty after the flush").isEmpty();
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void aDeleteAndAReinsertOfOneKeyAreBothKept(StateBackend backend) throws Exception {
        open(backend, null);
        assertThat(
                        checkpoint(
                                1,
                                every(delete(1, at(100), 1)),
                                every(upsert(1, "back", at(200), 0, 2))))
                .extracting(c -> c.event().op())
                .containsExactly(Op.DELETE, Op.UPDATE);
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void changesWithoutPositionsCollapseToTheLastArrivedForKeyedHistory(StateBackend backend)
            throws Exception {
        open(backend, null);
        List<StagedChange> out =
                checkpoint(
                        1,
                        every(upsert(1, "first", none(), 0, 1)),
                        every(upsert(1, "second", none(), 0, 2)));
        assertThat(values(out)).containsExactly("second");
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void identicalInsertsIntoAKeylessTableAreAllKept(StateBackend backend) throws Exception {
        open(backend, null);
        List<StagedChange> out =
                checkpoint(
                        1,
                        keylessInsert(1, "same", at(100), 1),
                        keylessInsert(1, "same", at(101), 2),
                        keylessInsert(1, "same", none(), 3),
                        keylessInsert(1, "same", none(), 4));
        assertThat(out).hasSize(4);
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void aKeylessBinlogChangeDeliveredTwiceIsStagedOnceAndEverythingElseIsKept(StateBackend backend)
            throws Exception {
        open(backend, null);
        SourcePosition watermark =
                SourcePosition.binlog(0, "mysql-bin.000001", 90, 0, null, true, 0);
        List<StagedChange> out =
                checkpoint(
                        1,
                        keylessRead(1, "same", watermark, 1),
                        keylessRead(1, "same", watermark, 2),
                        keylessInsert(1, "same", at(100), 3),
                        keylessInsert(1, "same", at(101), 4),
                        keylessInsert(1, "same", at(100), 5),
                        keylessInsert(1, "same", none(), 6),
                        keylessInsert(1, "same", none(), 7));
        assertThat(out)
                .extracting(c -> c.event().source().position())
                .as(
                        "two rows of one snapshot chunk, two inserts at two positions, two inserts"
                                + " without positions; the copy of the insert at 100 is gone")
                .containsExactlyInAnyOrder(90L, 90L, 100L, 101L, 0L, 0L);
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void bufferedChangesSurviveASnapshotTakenBeforeTheFlush(StateBackend backend) throws Exception {
        open(backend, null);
        harness.send(every(upsert(1, "a", at(100), 0, 1)), every(upsert(1, "b", at(101), 0, 2)));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        open(backend, snapshot);
        assertThat(values(checkpoint(2))).containsExactly("a", "b");
    }
}
