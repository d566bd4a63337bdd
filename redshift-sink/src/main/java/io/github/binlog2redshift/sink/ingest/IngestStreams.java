package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.deadletter.DeadLetter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The two outputs of the ingest half: the deduplicated changes for the staging sink, and the dead
 * letters (already wired to their sinks by {@link SinkIngestTopology#build}; exposed for tests and
 * extra monitoring). A holder of two stream handles, never compared.
 */
public final class IngestStreams {

    private final DataStream<StagedChange> changes;
    private final DataStream<DeadLetter> deadLetters;

    public IngestStreams(DataStream<StagedChange> changes, DataStream<DeadLetter> deadLetters) {
        this.changes = changes;
        this.deadLetters = deadLetters;
    }

    public DataStream<StagedChange> changes() {
        return changes;
    }

    public DataStream<DeadLetter> deadLetters() {
        return deadLetters;
    }
}
