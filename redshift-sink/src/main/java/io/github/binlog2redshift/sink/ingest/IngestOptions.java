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
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the ingest half of redshift-sink needs: what to read, in which format, where tables
 * go, and where dead letters go.
 *
 * @param deadLetters where dead letters go; empty: a record that cannot be used fails the job (the
 *     configuration's documented behaviour without {@code sink.dead-letter.*})
 * @param values the value checks of the target ({@code sink.target}, {@code sink.oversize-values})
 */
public record IngestOptions(
        KafkaInputOptions kafka,
        InputFormat format,
        RoutingOptions routing,
        Optional<DeadLetterOptions> deadLetters,
        ValueGuard values) {

    /** The checks that hold on every target (PostgreSQL's: NUL characters, zero date parts). */
    public static final ValueGuard DEFAULT_VALUES =
            new ValueGuard(new PostgresDialect(), SchemaPolicy.Oversize.DEAD_LETTER);

    public IngestOptions(
            KafkaInputOptions kafka,
            InputFormat format,
            RoutingOptions routing,
            Optional<DeadLetterOptions> deadLetters) {
        this(kafka, format, routing, deadLetters, DEFAULT_VALUES);
    }

    public IngestOptions {
        Objects.requireNonNull(kafka, "kafka input options");
        Objects.requireNonNull(format, "input format");
        Objects.requireNonNull(routing, "routing options");
        Objects.requireNonNull(deadLetters, "dead-letter options");
        Objects.requireNonNull(values, "value checks");
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
                        config.schema().oversize()));
    }
}
