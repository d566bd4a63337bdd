package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.event.TableId;
import java.io.Serializable;
import org.apache.flink.cdc.connectors.mysql.source.offset.BinlogOffset;

/**
 * Makes the event that states a finished snapshot chunk's key range ({@link SnapshotChunk}), sent
 * by {@link SnapshotPositionEmitter} after the chunk's rows.
 *
 * @param <T> what the source emits
 */
public interface ChunkEvents<T> extends Serializable {

    /** The event of {@code chunk} of {@code table}, read up to {@code high}. */
    T of(TableId table, SnapshotChunk chunk, BinlogOffset high);

    /**
     * True when {@code event} is a dead letter: a chunk with one is not all of its range's rows, so
     * it gets no range event.
     */
    boolean isDeadLetter(T event);
}
