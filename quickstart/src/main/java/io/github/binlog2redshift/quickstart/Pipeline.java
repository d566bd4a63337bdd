package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;

/**
 * What {@link PipelineSetup} prepared: both jobs' configurations, the Flink settings (S3 file
 * system, the user's {@code flink.*} keys), and, when the source is the local demo, administrative
 * connections for the load generator.
 *
 * @param source cdc-source's configuration
 * @param sink redshift-sink's configuration
 * @param flink settings for the local Flink cluster
 * @param demoConnections connections to the demo source; {@code null} for a user's MySQL
 * @param localServices one line per local service started, for the banner
 * @param extension what {@code --extra-sql} added to the demo source; {@code null} without it
 * @param localKafka whether the Kafka broker is the run's own (its topics hold only this run's
 *     records)
 */
record Pipeline(
        SourceConfig source,
        SinkConfig sink,
        Configuration flink,
        Supplier<Connection> demoConnections,
        List<String> localServices,
        DemoSchema.Extension extension,
        boolean localKafka) {

    /** Connections for the load generator, empty when the source is not the local demo. */
    Optional<Supplier<Connection>> demo() {
        return Optional.ofNullable(demoConnections);
    }
}
