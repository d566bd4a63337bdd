package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.localstack.Warehouse;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The command line of {@code ./run-local}; see {@link QuickstartMain}. */
@Command(
        name = "run-local",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs the whole pipeline on this machine: MariaDB -> cdc-source -> Kafka ->"
                    + " redshift-sink -> S3 -> PostgreSQL or the local Redshift, with a load"
                    + " generator, a live status table and the Flink dashboard.",
            "With --duration it stops the load, waits for the sink to catch up and runs verify:"
                    + " exit code 0 only when source and target are equal."
        })
public final class QuickstartOptions {

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description =
                    "Run the load this long (e.g. 60s, 5m), then verify and exit; default: until Ctrl-C")
    Duration duration;

    @Option(
            names = "--rate",
            defaultValue = "20",
            description =
                    "Load generator operations per second (0: no load; default ${DEFAULT-VALUE})")
    int rate;

    @Option(
            names = "--rest-port",
            defaultValue = "8081",
            description =
                    "Port of the Flink dashboard and REST API (0: any free port; default ${DEFAULT-VALUE})")
    int restPort;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "2s",
            converter = DurationConverter.class,
            description =
                    "Checkpoint interval of both jobs, i.e. the sink's commit latency (default ${DEFAULT-VALUE})")
    Duration checkpointInterval;

    @Option(
            names = "--warehouse",
            paramLabel = "postgres|redshift",
            description =
                    "The local warehouse: PostgreSQL, or the local Redshift (sink.target=REDSHIFT,"
                            + " COPY from the local S3 with an IAM role); default postgres. Not with"
                            + " a --config that names its own target")
    Warehouse warehouse;

    /** The binlog row images MySQL and MariaDB log ({@code binlog_row_image}). */
    enum RowImage {
        FULL,
        NOBLOB,
        MINIMAL
    }

    @Option(
            names = "--source-row-image",
            paramLabel = "FULL|NOBLOB|MINIMAL",
            defaultValue = "FULL",
            description =
                    "binlog_row_image of the local MariaDB: NOBLOB and MINIMAL log partial rows, as"
                            + " busy RDS/Aurora servers often do (docs/cdc-source.md); default"
                            + " ${DEFAULT-VALUE}")
    RowImage sourceRowImage;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Properties of real endpoints (keys of docs/configuration.md); local services start only for what it leaves unset")
    Path config;

    @Option(
            names = "--extra-sql",
            paramLabel = "FILE",
            description =
                    "SQL statements (ending with ;) run as root on the demo MariaDB after the demo"
                            + " schema, before the seed rows and the jobs: more tables and rows for"
                            + " the pipeline to carry; databases it creates are captured too. Not"
                            + " with a --config that names its own MySQL")
    Path extraSql;

    @Option(
            names = "--prometheus",
            paramLabel = "PORT",
            arity = "0..1",
            fallbackValue = "9249",
            description =
                    "Serve both jobs' metrics for Prometheus on this port (default 9249 when given without a port)")
    Integer prometheusPort;

    @Option(
            names = "--catch-up-timeout",
            defaultValue = "120s",
            converter = DurationConverter.class,
            description =
                    "How long to wait for the sink to catch up before verify (default ${DEFAULT-VALUE})")
    Duration catchUpTimeout;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description =
                    "Seed of the load generator, for repeatable runs (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--plain",
            description =
                    "Print a status line every few seconds instead of redrawing a table (for logs and CI)")
    boolean plain;

    /** The warehouse to start locally: {@code --warehouse}, PostgreSQL unless given. */
    Warehouse localWarehouse() {
        return warehouse == null ? Warehouse.POSTGRES : warehouse;
    }

    /** Durations as Flink writes them: {@code 60s}, {@code 500ms}, {@code 5 min}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return org.apache.flink.util.TimeUtils.parseDuration(value);
        }
    }
}
