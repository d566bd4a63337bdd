package org.apache.flink.cdc.connectors.mysql.source;

import io.github.binlog2redshift.source.debezium.SnapshotPositionEmitter;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;

/**
 * Builds a {@link MySqlSource} with {@link SnapshotPositionEmitter} as its record emitter. In Flink
 * CDC's package because the constructor that takes an emitter is package-private (Flink CDC's own
 * pipeline connector uses it the same way). Package-private access needs both classes in one class
 * loader: the job jar bundles Flink CDC with this class; a Flink CDC jar in Flink's {@code lib/}
 * would make the job fail at start with an IllegalAccessError.
 */
public final class PositionedMySqlSource {

    private PositionedMySqlSource() {}

    /** {@code built}'s configuration and {@code deserializer}, with snapshot rows positioned. */
    public static <T> MySqlSource<T> of(
            MySqlSource<T> built, DebeziumDeserializationSchema<T> deserializer) {
        return new MySqlSource<>(
                built.getConfigFactory(),
                deserializer,
                (metrics, config) ->
                        new SnapshotPositionEmitter<>(
                                deserializer, metrics, config.isIncludeSchemaChanges()));
    }
}
