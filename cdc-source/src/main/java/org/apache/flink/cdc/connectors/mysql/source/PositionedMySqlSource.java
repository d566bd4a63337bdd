package org.apache.flink.cdc.connectors.mysql.source;

import io.github.binlog2redshift.source.debezium.ChunkEvents;
import io.github.binlog2redshift.source.debezium.SnapshotPositionEmitter;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfig;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfigFactory;
import org.apache.flink.cdc.connectors.mysql.source.metrics.MySqlSourceReaderMetrics;
import org.apache.flink.cdc.connectors.mysql.source.reader.MySqlSourceReader;
import org.apache.flink.cdc.connectors.mysql.source.reader.MySqlSourceReaderContext;
import org.apache.flink.cdc.connectors.mysql.source.reader.RestartingMySqlSplitReader;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSplit;
import org.apache.flink.cdc.connectors.mysql.source.utils.hooks.SnapshotPhaseHooks;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.connector.base.source.reader.synchronization.FutureCompletingBlockingQueue;

/**
 * Builds a {@link MySqlSource} with {@link SnapshotPositionEmitter} as its record emitter and
 * {@link RestartingMySqlSplitReader} as its split reader (the FLINK-39207 workaround: a snapshot
 * reader given a second chunk would stall). In Flink CDC's package because the constructor that
 * takes an emitter is package-private (Flink CDC's own pipeline connector uses it the same way).
 * Package-private access needs both classes in one class loader: the job jar bundles Flink CDC with
 * this class; a Flink CDC jar in Flink's {@code lib/} would make the job fail at start with an
 * IllegalAccessError.
 */
public final class PositionedMySqlSource {

    private PositionedMySqlSource() {}

    /**
     * {@code built}'s configuration and {@code deserializer}, with snapshot rows positioned and
     * each chunk followed by its range event from {@code chunkEvents}.
     */
    public static <T> MySqlSource<T> of(
            MySqlSource<T> built,
            DebeziumDeserializationSchema<T> deserializer,
            ChunkEvents<T> chunkEvents) {
        return new Source<>(built.getConfigFactory(), deserializer, chunkEvents);
    }

    /**
     * {@link MySqlSource} whose {@link #createReader} is Flink CDC 3.5.0's with the split reader
     * replaced (snapshot hooks are not set in this project, so they are the empty ones). Go back to
     * Flink CDC's {@code createReader} when Flink CDC is upgraded.
     */
    private static final class Source<T> extends MySqlSource<T> {

        private static final long serialVersionUID = 1L;

        private final DebeziumDeserializationSchema<T> deserializer;
        private final ChunkEvents<T> chunkEvents;

        Source(
                MySqlSourceConfigFactory configFactory,
                DebeziumDeserializationSchema<T> deserializer,
                ChunkEvents<T> chunkEvents) {
            super(
                    configFactory,
                    deserializer,
                    (metrics, config) ->
                            new SnapshotPositionEmitter<>(
                                    deserializer,
                                    chunkEvents,
                                    metrics,
                                    config.isIncludeSchemaChanges()));
            this.deserializer = deserializer;
            this.chunkEvents = chunkEvents;
        }

        @Override
        public SourceReader<T, MySqlSplit> createReader(SourceReaderContext readerContext) {
            int subtask = readerContext.getIndexOfSubtask();
            MySqlSourceConfig config = getConfigFactory().createConfig(subtask);
            MySqlSourceReaderMetrics metrics =
                    new MySqlSourceReaderMetrics(readerContext.metricGroup());
            metrics.registerMetrics();
            MySqlSourceReaderContext context = new MySqlSourceReaderContext(readerContext);
            return new MySqlSourceReader<>(
                    new FutureCompletingBlockingQueue<>(),
                    () ->
                            new RestartingMySqlSplitReader(
                                    config, subtask, context, SnapshotPhaseHooks.empty()),
                    new SnapshotPositionEmitter<>(
                            deserializer, chunkEvents, metrics, config.isIncludeSchemaChanges()),
                    readerContext.getConfiguration(),
                    context,
                    config);
        }
    }
}
