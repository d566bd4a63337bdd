package io.github.binlog2redshift.source;

import io.github.binlog2redshift.event.Op;

/**
 * A converted change ready for Kafka, as the source emits it: the key and the JSON value are
 * already serialized, so nothing but bytes and a few routing fields cross operator boundaries
 * (Flink serializes this record as a POJO).
 *
 * @param database source database
 * @param table source table
 * @param op the change kind; DDL events are fanned out to every partition downstream
 * @param key the partition key bytes ({@code PartitionKey}); for dead letters {@code db.table}
 * @param value the event JSON ({@code ChangeEventJson}), or the dead-letter JSON
 * @param deadLetterReason why the change cannot be delivered normally, null when it can
 * @param binlogFileSequence the binlog file's numeric suffix, 0 for snapshot rows
 * @param binlogPosition the event's binlog position, 0 for snapshot rows
 * @param sourceTsMs when the server wrote the change (0 for snapshot rows)
 */
public record SourceChange(
        String database,
        String table,
        Op op,
        byte[] key,
        byte[] value,
        String deadLetterReason,
        long binlogFileSequence,
        long binlogPosition,
        long sourceTsMs) {

    public boolean isDeadLetter() {
        return deadLetterReason != null;
    }

    /** {@code db.table}, the metric and log name. */
    public String tableName() {
        return database + "." + table;
    }
}
