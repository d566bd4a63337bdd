package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.sink.deadletter.DeadLetterOptions;
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
 */
public record IngestOptions(
        KafkaInputOptions kafka,
        InputFormat format,
        RoutingOptions routing,
        Optional<DeadLetterOptions> deadLetters) {

    public IngestOptions {
        Objects.requireNonNull(kafka, "kafka input options");
        Objects.requireNonNull(format, "input format");
        Objects.requireNonNull(routing, "routing options");
        Objects.requireNonNull(deadLetters, "dead-letter options");
    }

    public static IngestOptions from(SinkConfig config) {
        return new IngestOptions(
                KafkaInputOptions.from(config.kafka()),
                config.inputFormat(),
                RoutingOptions.from(config.tables()),
                DeadLetterOptions.from(config.deadLetter(), config.kafka()));
    }
}
