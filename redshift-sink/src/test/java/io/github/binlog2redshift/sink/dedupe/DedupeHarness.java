package io.github.binlog2redshift.sink.dedupe;

import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.serde.StagedChangeCodec;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A {@link LatestChangeOperator} in Flink's keyed operator test harness, keyed like the job: open
 * it on a state backend (optionally from a snapshot), send changes, and take what one checkpoint's
 * flush emits.
 */
final class DedupeHarness implements AutoCloseable {

    /** The {@code @MethodSource} of tests run on both backends (RocksDB: state off the heap). */
    static final String BACKENDS = "io.github.binlog2redshift.sink.dedupe.DedupeHarness#backends";

    private final KeyedOneInputStreamOperatorTestHarness<String, RoutedChange, StagedChange> h;

    private DedupeHarness(StateBackend backend, OperatorSubtaskState restored) throws Exception {
        h =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new LatestChangeOperator(), RoutedChange::key, Types.STRING);
        h.setStateBackend(backend);
        h.setup(StagedChangeCodec.typeInfo().createSerializer(new SerializerConfigImpl()));
        if (restored != null) {
            h.initializeState(restored);
        }
        h.open();
    }

    static Stream<StateBackend> backends() {
        return Stream.of(new HashMapStateBackend(), new EmbeddedRocksDBStateBackend());
    }

    /** An operator on {@code backend}, restored from {@code restored} unless it is null. */
    static DedupeHarness open(StateBackend backend, OperatorSubtaskState restored)
            throws Exception {
        return new DedupeHarness(backend, restored);
    }

    void send(RoutedChange... changes) throws Exception {
        for (RoutedChange c : changes) {
            h.processElement(new StreamRecord<>(c));
        }
    }

    /** What the flush before checkpoint {@code id}'s barrier emits. */
    List<StagedChange> checkpoint(long id) throws Exception {
        h.getOutput().clear();
        h.prepareSnapshotPreBarrier(id);
        List<StagedChange> out = h.extractOutputValues();
        h.getOutput().clear();
        return out;
    }

    OperatorSubtaskState snapshot(long checkpointId, long timestamp) throws Exception {
        return h.snapshot(checkpointId, timestamp);
    }

    @Override
    public void close() throws Exception {
        h.close();
    }
}
