package io.github.binlog2redshift.bench.jmh;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.format.ParsedRecord;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Event parsing, the first per-record cost of the sink: common's {@link DebeziumJsonReader} on our
 * format, and the sink's {@link ChangeDecoder} on our format, with format detection (AUTO) and on
 * the schema envelope (three times the bytes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParseBenchmark {

    private byte[] plain;
    private byte[] enveloped;
    private byte[] key;
    private final ChangeDecoder debezium = new ChangeDecoder(InputFormat.DEBEZIUM);
    private final ChangeDecoder auto = new ChangeDecoder(InputFormat.AUTO);

    @Setup
    public void setUp() {
        plain = JmhEvents.plainUpdate(12345);
        enveloped = JmhEvents.envelopedUpdate(12345);
        key = JmhEvents.key(12345);
    }

    @Benchmark
    public ChangeEvent debeziumJsonReader() {
        return DebeziumJsonReader.read(plain);
    }

    @Benchmark
    public ParsedRecord changeDecoder() {
        return debezium.decode(key, plain);
    }

    @Benchmark
    public ParsedRecord changeDecoderAutoDetect() {
        return auto.decode(key, plain);
    }

    @Benchmark
    public ParsedRecord changeDecoderSchemaEnvelope() {
        return debezium.decode(key, enveloped);
    }
}
