package io.github.binlog2redshift.sink.dedupe;

import static io.github.binlog2redshift.sink.dedupe.Changes.at;
import static io.github.binlog2redshift.sink.dedupe.Changes.ddl;
import static io.github.binlog2redshift.sink.dedupe.Changes.delete;
import static io.github.binlog2redshift.sink.dedupe.Changes.insert;
import static io.github.binlog2redshift.sink.dedupe.Changes.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.util.List;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dedupe operator on both state backends (RocksDB: state off the heap). */
class LatestChangeOperatorTest {

    private DedupeHarness harness;

    private void open(StateBackend backend, OperatorSubtaskState restored) throws Exception {
        harness = DedupeHarness.open(backend, restored);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(RoutedChange... changes) throws Exception {
        harness.send(changes);
    }

    private List<StagedChange> checkpoint(long id) throws Exception {
        return harness.checkpoint(id);
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void twentyUpdatesOfOneRowBecomeOne(StateBackend backend) throws Exception {
        open(backend, null);
        for (int i = 1; i <= 20; i++) {
            send(upsert(1, "v" + i, at(100 + i), 0, i));
        }
        send(upsert(2, "other", at(50), 0, 30));
        List<StagedChange> out = checkpoint(1);
        assertThat(out).hasSize(2);
        assertThat(out).anySatisfy(c -> assertThat(c.event().after()).containsEntry("v", "v20"));
        assertThat(checkpoint(2)).as("state is empty after the flush").isEmpty();
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void aDeleteAfterAnInsertIsStaged(StateBackend backend) throws Exception {
        open(backend, null);
        send(insert(1, "a", at(100), 1), delete(1, at(200), 2));
        assertThat(checkpoint(1))
                .singleElement()
                .satisfies(c -> assertThat(c.event().op()).isEqualTo(Op.DELETE));
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void anInsertAfterADeleteIsStaged(StateBackend backend) throws Exception {
        open(backend, null);
        send(delete(1, at(100), 1), insert(1, "back", at(200), 2));
        assertThat(checkpoint(1))
                .singleElement()
                .satisfies(c -> assertThat(c.event().after()).containsEntry("v", "back"));
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void theNewestPositionWinsWhenChangesArriveOutOfOrder(StateBackend backend) throws Exception {
        open(backend, null);
        send(
                upsert(1, "newest", at(300), 0, 1),
                delete(1, at(100), 2),
                upsert(1, "middle", at(200), 1, 3));
        assertThat(checkpoint(1))
                .singleElement()
                .satisfies(c -> assertThat(c.event().after()).containsEntry("v", "newest"));
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void aDeleteIsNeverLostBehindAnOlderBufferedUpsert(StateBackend backend) throws Exception {
        open(backend, null);
        send(delete(1, at(300), 5), upsert(1, "stale", at(200), 0, 6));
        assertThat(checkpoint(1))
                .singleElement()
                .satisfies(c -> assertThat(c.event().op()).isEqualTo(Op.DELETE));
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void aSnapshotTakenBeforeTheFlushStillHoldsTheBufferedKeys(StateBackend backend)
            throws Exception {
        open(backend, null);
        send(upsert(1, "a", at(100), 0, 1), upsert(2, "b", at(101), 0, 2));
        // Flink always flushes first (prepareSnapshotPreBarrier); this proves the buffer is state.
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        open(backend, snapshot);
        assertThat(checkpoint(2)).hasSize(2);
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void schemaChangesComeFirstOnceAndInPositionOrder(StateBackend backend) throws Exception {
        open(backend, null);
        send(
                ddl("ALTER 1", at(150), 0, 10),
                upsert(1, "after ddl", at(160), 0, 11),
                ddl("ALTER 1", at(150), 1, 20),
                ddl("ALTER 1", at(150), 2, 30),
                ddl("ALTER 2", at(170), 1, 21));
        List<StagedChange> out = checkpoint(1);
        assertThat(out)
                .extracting(c -> c.event().op())
                .containsExactly(Op.SCHEMA_CHANGE, Op.SCHEMA_CHANGE, Op.UPDATE);
        assertThat(out.subList(0, 2))
                .extracting(c -> c.event().ddl())
                .containsExactly("ALTER 1", "ALTER 2");
    }

    @ParameterizedTest
    @MethodSource(DedupeHarness.BACKENDS)
    void lateSchemaChangeCopiesAreDroppedAlsoAfterARestore(StateBackend backend) throws Exception {
        open(backend, null);
        send(ddl("ALTER 1", at(150), 0, 10));
        assertThat(checkpoint(1)).hasSize(1);
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();
        open(backend, snapshot);
        send(ddl("ALTER 1", at(150), 3, 40), ddl("ALTER 3", at(180), 3, 41));
        assertThat(checkpoint(2)).extracting(c -> c.event().ddl()).containsExactly("ALTER 3");
    }
}
