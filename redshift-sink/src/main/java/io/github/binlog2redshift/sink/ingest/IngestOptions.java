package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.TargetKind;
import io.github.binlog2redshift.sink.deadletter.DeadLetterOptions;
import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.kafka.KafkaInputOptions;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import io.github.binlog2redshift.sink.route.TableModes;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the ingest half of redshift-sink needs: what to read, in which format, where tables
 * go, and where dead letters go.
 */
public final class IngestOptions {

    /** The checks that hold on every target (PostgreSQL's: NUL characters, zero date parts). */
    public static final ValueGuard DEFAULT_VALUES =
            new ValueGuard(new PostgresDialect(), SchemaPolicy.Oversize.DEAD_LETTER);

    private final KafkaInputOptions kafka;
    private final InputFormat format;
    private final RoutingOptions routing;
    private final Optional<DeadLetterOptions> deadLetters;
    private final ValueGuard values;

    public IngestOptions(
            KafkaInputOptions kafka,
            InputFormat format,
            RoutingOptions routing,
            Optional<DeadLetterOptions> deadLetters,
            ValueGuard values) {
        this.kafka = Objects.requireNonNull(kafka, "kafka input options");
        this.format = Objects.requireNonNull(format, "input format");
        this.routing = Objects.requireNonNull(routing, "routing options");
        this.deadLetters = Objects.requireNonNull(deadLetters, "dead-letter options");
        this.values = Objects.requireNonNull(values, "value checks");
    }

    public IngestOptions(
            KafkaInputOptions kafka,
            InputFormat format,
            RoutingOptions routing,
            Optional<DeadLetterOptions> deadLetters) {
        this(kafka, format, routing, deadLetters, DEFAULT_VALUES);
    }

    public static IngestOptions from(SinkConfig config) {
        return new IngestOptions(
                KafkaInputOptions.from(config.kafka()),
                config.inputFormat(),
                RoutingOptions.from(config.tables()),
                DeadLetterOptions.from(config.deadLetter(), config.kafka()),
                new ValueGuard(
                        config.connection().kind() == TargetKind.REDSHIFT
                                ? new RedshiftDialect()
                                : new PostgresDialect(),
                        config.schema().oversize(),
                        TableModes.from(config.tables(), config.schema())));
    }

    public KafkaInputOptions kafka() {
        return kafka;
    }

    public InputFormat format() {
        return format;
    }

    public RoutingOptions routing() {
        return routing;
    }

    /**
     * Where dead letters go; empty: a record that cannot be used fails the job (the configuration's
     * documented behaviour without {@code sink.dead-letter.*}).
     */
    public Optional<DeadLetterOptions> deadLetters() {
        return deadLetters;
    }

    /** The value checks of the target ({@code sink.target}, {@code sink.oversize-values}). */
    public ValueGuard values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof IngestOptions)) {
            return false;
        }
        IngestOptions other = (IngestOptions) o;
        return kafka.equals(other.kafka)
                && format == other.format
                && routing.equals(other.routing)
                && deadLetters.equals(other.deadLetters)
                && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kafka, format, routing, deadLetters, values);
    }

    @Override
    public String toString() {
        return "IngestOptions[kafka="
                + kafka
                + ", format="
                + format
                + ", routing="
                + routing
                + ", deadLetters="
                + deadLetters
                + ", values="
                + values
                + "]";
    }
}
