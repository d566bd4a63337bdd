package io.github.binlog2redshift.bench.jmh;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dedupe.ChangeOrder;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The dedupe step of {@code LatestChangeOperator} per record: the last-write-wins decision ({@link
 * ChangeOrder#supersedes}), and what the RocksDB state backend adds to it, one read (deserialize
 * the held change) and one write (serialize the new one) through {@link RoutedChange.Codec}; and
 * the keyBy shuffle between {@code parse-route} and {@code latest-per-key}, which serializes and
 * deserializes every change once through the same codec.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DedupeBenchmark {

    private RoutedChange held;
    private RoutedChange incoming;
    private final RoutedChange.Codec codec = new RoutedChange.Codec();
    private final TypeSerializer<RoutedChange> serializer =
            RoutedChange.typeInfo().createSerializer(new SerializerConfigImpl());
    private final DataOutputSerializer out = new DataOutputSerializer(4096);
    private byte[] heldBytes;

    @Setup
    public void setUp() throws IOException {
        ChangeDecoder decoder = new ChangeDecoder(InputFormat.DEBEZIUM);
        TargetTable target = new TargetTable(JmhEvents.DB, JmhEvents.TABLE);
        held =
                new RoutedChange(
                        target,
                        "sinkbench.t001.7",
                        decoder.decode(JmhEvents.key(7), JmhEvents.plainUpdate(7)).events().get(0),
                        "in",
                        0,
                        10);
        incoming =
                new RoutedChange(
                        target,
                        "sinkbench.t001.7",
                        decoder.decode(JmhEvents.key(7), JmhEvents.plainUpdate(8)).events().get(0),
                        "in",
                        0,
                        11);
        out.clear();
        codec.write(held, out);
        heldBytes = out.getCopyOfBuffer();
    }

    @Benchmark
    public boolean supersedes() {
        return ChangeOrder.supersedes(incoming, held);
    }

    /** What one processElement costs on RocksDB besides the JNI calls: read, compare, write. */
    @Benchmark
    public int stateRoundTrip() throws IOException {
        RoutedChange previous = codec.read(codec.version(), new DataInputDeserializer(heldBytes));
        out.clear();
        if (ChangeOrder.supersedes(incoming, previous)) {
            codec.write(incoming, out);
        }
        return out.length();
    }

    /** What the keyBy shuffle costs per change: serialize, then deserialize on the other side. */
    @Benchmark
    public RoutedChange codecRoundTrip() throws IOException {
        out.clear();
        serializer.serialize(incoming, out);
        return serializer.deserialize(
                new DataInputDeserializer(out.getSharedBuffer(), 0, out.length()));
    }
}
