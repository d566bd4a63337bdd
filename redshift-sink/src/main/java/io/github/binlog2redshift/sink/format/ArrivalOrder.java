package io.github.binlog2redshift.sink.format;

import io.github.binlog2redshift.event.SourcePosition;

/**
 * The source position of a change from an input without binlog coordinates (DMS, Canal): all zero,
 * so that changes of one key are ordered by their Kafka offset (arrival order), with the format's
 * timestamp kept for lag metrics only.
 *
 * <p>Why not order by the timestamps these formats carry: a binlog event's timestamp is the start
 * time of its statement, so a statement that waited on a row lock is logged after, but stamped
 * before, the change it waited for; and DMS stamps full-load rows with the load time, after the
 * cached changes that must be applied on top of them. Both producers partition by primary key (DMS
 * {@code partition-key-type: primary-key}, Canal {@code canal.mq.partitionHash}) or write one
 * partition, so the offset order inside a partition is the source's commit order for a key.
 */
final class ArrivalOrder {

    private ArrivalOrder() {}

    static SourcePosition position(long timestampMs) {
        return new SourcePosition(0, null, 0, 0, 0, null, false, Math.max(0, timestampMs));
    }
}
