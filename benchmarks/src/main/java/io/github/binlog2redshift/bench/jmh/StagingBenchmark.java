package io.github.binlog2redshift.bench.jmh;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.internal.CsvLine;
import io.github.binlog2redshift.sink.internal.StagedRowEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Staging-file writing per row, as {@code StagingFile} does it: encode the row's fields ({@link
 * StagedRowEncoder}), format the CSV line ({@link CsvLine}), and push it through gzip (the default
 * staging format), with the file system left out (a null stream).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StagingBenchmark {

    private ChangeEvent event;
    private final StringBuilder line = new StringBuilder(256);
    private Writer gzip;

    @Setup
    public void setUp() {
        event =
                new ChangeDecoder(InputFormat.DEBEZIUM)
                        .decode(JmhEvents.key(7), JmhEvents.plainUpdate(7))
                        .events()
                        .get(0);
    }

    @Setup(Level.Iteration)
    public void open() throws IOException {
        gzip =
                new OutputStreamWriter(
                        new GZIPOutputStream(OutputStream.nullOutputStream(), 1 << 16),
                        StandardCharsets.UTF_8);
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException {
        gzip.close();
    }

    @Benchmark
    public List<String> encodeFields() {
        return StagedRowEncoder.fields(event, event.columns(), "\\x");
    }

    @Benchmark
    public int encodeAndFormatLine() {
        line.setLength(0);
        CsvLine.append(line, StagedRowEncoder.fields(event, event.columns(), "\\x"));
        return line.length();
    }

    @Benchmark
    public void encodeFormatGzip() throws IOException {
        line.setLength(0);
        CsvLine.append(line, StagedRowEncoder.fields(event, event.columns(), "\\x"));
        gzip.append(line);
    }
}
