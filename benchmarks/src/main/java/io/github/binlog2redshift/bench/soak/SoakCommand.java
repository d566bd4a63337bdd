package io.github.binlog2redshift.bench.soak;

import io.github.binlog2redshift.localstack.Warehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.util.TimeUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./soak --minutes M}: the whole pipeline under a steady mixed load for M minutes, verified
 * every few minutes, with heap, checkpoint size and the sink's side tables sampled and plotted
 * ({@link SoakRun}, benchmarks/README.md "Soak"). Exit code 0 when every verify check found source
 * and target equal and no sampled series grew by {@link SoakReport}'s criterion; 1 otherwise; 2
 * when the job or the load stopped.
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Hours of steady load through both jobs with periodic verify and sampling")
public final class SoakCommand implements Callable<Integer> {

    @Option(names = "--minutes", required = true, description = "How long the load runs")
    long minutes;

    @Option(
            names = "--verify-every",
            defaultValue = "5",
            description = "Minutes between verify checks (default ${DEFAULT-VALUE})")
    long verifyEvery;

    @Option(
            names = "--sample-every",
            defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Time between samples (default ${DEFAULT-VALUE})")
    Duration sampleEvery;

    @Option(
            names = "--rate",
            defaultValue = "50",
            description = "Source operations per second (default ${DEFAULT-VALUE})")
    int rate;

    @Option(
            names = "--warehouse",
            defaultValue = "POSTGRES",
            description = "postgres or redshift (the local Redshift; default postgres)")
    Warehouse warehouse;

    @Option(
            names = "--horizon",
            defaultValue = "5 min",
            converter = DurationConverter.class,
            description =
                    "sink.retention.horizon of the run: short, so that pruning reaches its steady"
                            + " state within the run (default ${DEFAULT-VALUE})")
    Duration horizon;

    @Option(
            names = "--prune-interval",
            defaultValue = "1 min",
            converter = DurationConverter.class,
            description = "sink.retention.prune-interval of the run (default ${DEFAULT-VALUE})")
    Duration pruneInterval;

    @Option(
            names = "--checkpoint",
            defaultValue = "3s",
            converter = DurationConverter.class,
            description = "Checkpoint interval of both jobs (default ${DEFAULT-VALUE})")
    Duration checkpoint;

    @Option(
            names = "--out",
            defaultValue = "benchmarks/results/soak",
            description =
                    "Output directory: soak.csv, verify.csv, soak.svg (default ${DEFAULT-VALUE})")
    Path out;

    public static void main(String[] args) {
        int code =
                new CommandLine(new SoakCommand())
                        .setCaseInsensitiveEnumValuesAllowed(true)
                        .execute(args);
        // Flink, Kafka clients and JDBC pools leave non-daemon threads behind.
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        return new SoakRun(this, System.out).run();
    }

    /** Durations as Flink writes them: {@code 30s}, {@code 5 min}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return TimeUtils.parseDuration(value);
        }
    }
}
