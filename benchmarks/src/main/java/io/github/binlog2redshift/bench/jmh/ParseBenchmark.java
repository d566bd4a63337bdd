package io.github.binlog2redshift.bench.jmh;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.SchemaPolicy.Oversize;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.format.ParsedRecord;
import io.github.binlog2redshift.sink.ingest.ValueGuard;
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
 * the schema envelope (three times the bytes); then the ingest's value checks ({@link ValueGuard})
 * on the parsed event, per warehouse, alone and after the decoder.
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
    private final ValueGuard redshift = new ValueGuard(new RedshiftDialect(), Oversize.DEAD_LETTER);
    private final ValueGuard postgres = new ValueGuard(new PostgresDialect(), Oversize.DEAD_LETTER);
    private final TargetTable target = new TargetTable("public", "sinkbench__t001");
    private ChangeEvent parsed;
    private ChangeEvent typed;

    /** One row of the types the checks read closely: decimal, temporal, JSON, binary. */
    private static final String TYPED =
            "{\"before\":null,\"after\":{\"id\":7,\"amount\":\"12345.67\",\"at\":\"2024-01-31"
                    + " 12:34:56.123\",\"ts\":\"2024-01-31T12:34:56.123Z\","
                    + "\"day\":\"2024-01-31\",\"doc\":\"{\\\"a\\\":[1,2.5,\\\"x\\\"],\\\"b\\\":{\\\"c\\\":null,\\\"d\\\":\\\"some"
                    + " text here\\\"}}\","
                    + "\"bin\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4v\",\"name\":\"J\u00fcrgen"
                    + " M\u00fcller\"},\"source\":{\"db\":\"sinkbench\",\"table\":\"typed\","
                    + "\"file\":\"mysql-bin.000001\",\"pos\":4,\"row\":0},\"op\":\"c\",\"pk\":[\"id\"],"
                    + "\"columns\":[{\"name\":\"id\",\"type\":\"BIGINT\"},"
                    + "{\"name\":\"amount\",\"type\":\"DECIMAL\",\"length\":10,\"scale\":2},"
                    + "{\"name\":\"at\",\"type\":\"DATETIME\",\"length\":3},"
                    + "{\"name\":\"ts\",\"type\":\"TIMESTAMP\",\"length\":3},"
                    + "{\"name\":\"day\",\"type\":\"DATE\"},{\"name\":\"doc\",\"type\":\"JSON\"},"
                    + "{\"name\":\"bin\",\"type\":\"VARBINARY\",\"length\":64},"
                    + "{\"name\":\"name\",\"type\":\"VARCHAR\",\"length\":64}]}";

    @Setup
    public void setUp() {
        plain = JmhEvents.plainUpdate(12345);
        enveloped = JmhEvents.envelopedUpdate(12345);
        key = JmhEvents.key(12345);
        parsed = debezium.decode(key, plain).events().get(0);
        typed =
                debezium.decode(null, TYPED.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .events()
                        .get(0);
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

    /**
     * The enveloped record as the ingest reads it, with its topic: after the first record the
     * schema is recognised by its bytes and only the payload is parsed.
     */
    @Benchmark
    public ParsedRecord changeDecoderSchemaEnvelopeOfTopic() {
        return debezium.decode("sinkin_t001", key, enveloped);
    }

    @Benchmark
    public ChangeEvent valueChecksRedshift() {
        return redshift.check(target, parsed);
    }

    @Benchmark
    public ChangeEvent valueChecksPostgres() {
        return postgres.check(target, parsed);
    }

    @Benchmark
    public ChangeEvent valueChecksRedshiftTypedRow() {
        return redshift.check(target, typed);
    }

    @Benchmark
    public ChangeEvent changeDecoderThenValueChecks() {
        return redshift.check(target, debezium.decode(key, plain).events().get(0));
    }
}
