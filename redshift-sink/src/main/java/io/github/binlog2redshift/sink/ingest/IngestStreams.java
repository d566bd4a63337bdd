package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.deadletter.DeadLetter;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The two outputs of the ingest half: the deduplicated changes for the staging sink, and the dead
 * letters (already wired to their sinks by {@link SinkIngestTopology#build}; exposed for tests and
 * extra monitoring).
 */
public record IngestStreams(DataStream<StagedChange> changes, DataStream<DeadLetter> deadLetters) {}
