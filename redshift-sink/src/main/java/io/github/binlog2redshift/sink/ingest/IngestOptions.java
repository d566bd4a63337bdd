package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.sink.deadletter.DeadLetterOptions;
import io.github.binlog2redshift.sink.format.InputFormat;
import io.github.binlog2redshift.sink.kafka.KafkaInputOptions;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import java.io.Serializable;
import java.util.Objects;

/**
 * Everything the ingest half of redshift-sink needs: what to read, in which format, where tables
 * go, and where dead letters go.
 */
public record IngestOptions(
        KafkaInputOptions kafka,
        InputFormat format,
        RoutingOptions routing,
        DeadLetterOptions deadLetters)
        implements Serializable {

    public IngestOptions {
        Objects.requireNonNull(kafka, "kafka input options");
        Objects.requireNonNull(format, "input format");
        Objects.requireNonNull(routing, "routing options");
        Objects.requireNonNull(deadLetters, "dead-letter options");
    }
}
