package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.event.TableId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.cdc.connectors.mysql.source.metrics.MySqlSourceReaderMetrics;
import org.apache.flink.cdc.connectors.mysql.source.offset.BinlogOffset;
import org.apache.flink.cdc.connectors.mysql.source.reader.MySqlRecordEmitter;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSnapshotSplit;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSplitState;
import org.apache.flink.cdc.connectors.mysql.source.utils.RecordUtils;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink CDC's record emitter, except that each row of a snapshot chunk carries the chunk's high
 * watermark as its binlog position (issue 15): the binlog file and position at which the chunk's
 * rows are true. Flink CDC gives snapshot rows no coordinates (empty file, position 0); it reads a
 * chunk between a low and a high watermark (SHOW MASTER STATUS before and after the SELECT), merges
 * the chunk's binlog changes up to the high watermark into the rows (backfill), and streams a key's
 * later changes only after it. So every change already in a row lies at or below the high watermark
 * and every change streamed after it lies above: a row event always starts after the watermark's
 * position, which is where the next event (a GTID, BEGIN or TABLE_MAP event) starts.
 *
 * <p>The rows of a chunk arrive between its low and high watermark events (the reader sends the
 * chunk as low watermark, rows, high watermark); they are held until the high watermark arrives, at
 * most one chunk ({@code source.snapshot.chunk-size} rows). Held rows are not in any checkpoint,
 * which is right: a chunk whose high watermark was not reached is unfinished and read again after a
 * restore. A watermark without a file name (not seen with MySQL or MariaDB) leaves the rows at
 * position (0, 0, 0), the order they had before.
 *
 * <p>After a chunk's rows comes the event of its key range ({@link SnapshotChunk}, made by {@link
 * ChunkEvents}) at the same high watermark: those rows were all of the range's rows there. A chunk
 * is read again after a restore when its first read was not in a checkpoint, and under
 * at-least-once delivery the first read's rows stay in Kafka; a row deleted between the two reads
 * is in the first and not in the second, and its delete lies before the second's high watermark,
 * where the binlog takes over. The range event lets the sink remove it. Splits on keys a warehouse
 * cannot compare as MySQL does get no range event (logged once per table).
 */
public final class SnapshotPositionEmitter<T> extends MySqlRecordEmitter<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotPositionEmitter.class);

    private final List<SourceRecord> chunk = new ArrayList<>();
    private final ChunkEvents<T> chunkEvents;
    private final Set<TableId> withoutRange = new HashSet<>();
    private boolean inChunk;

    public SnapshotPositionEmitter(
            DebeziumDeserializationSchema<T> deserializer,
            ChunkEvents<T> chunkEvents,
            MySqlSourceReaderMetrics metrics,
            boolean includeSchemaChanges) {
        super(deserializer, metrics, includeSchemaChanges);
        this.chunkEvents = chunkEvents;
    }

    @Override
    protected void processElement(
            SourceRecord element, SourceOutput<T> output, MySqlSplitState splitState)
            throws Exception {
        if (!splitState.isSnapshotSplitState()) {
            super.processElement(element, output, splitState);
            return;
        }
        if (RecordUtils.isLowWatermarkEvent(element)) {
            chunk.clear();
            inChunk = true;
        } else if (inChunk && RecordUtils.isDataChangeRecord(element)) {
            chunk.add(element);
            return;
        } else if (inChunk && RecordUtils.isHighWatermarkEvent(element)) {
            BinlogOffset high = RecordUtils.getWatermark(element);
            WatchedOutput rows = new WatchedOutput(output);
            for (SourceRecord row : chunk) {
                super.processElement(atPosition(row, high), rows, splitState);
            }
            chunk.clear();
            inChunk = false;
            MySqlSnapshotSplit split = splitState.asSnapshotSplitState().toMySqlSplit();
            if (rows.deadLetters == 0) {
                emitRange(split, high, output);
            } else {
                // Its rows are not all the range's rows: a range would delete the target's
                // older copies of the rows that were dead-lettered.
                LOG.warn(
                        "Table {}: {} rows of snapshot chunk {} are dead letters; the chunk sends no"
                                + " key range, so rows deleted in it between two reads of it stay",
                        split.getTableId(),
                        rows.deadLetters,
                        split.splitId());
            }
        }
        super.processElement(element, output, splitState);
    }

    private void emitRange(MySqlSnapshotSplit split, BinlogOffset high, SourceOutput<T> output) {
        String file = high.getFilename();
        TableId table = TableId.of(split.getTableId().catalog(), split.getTableId().table());
        Optional<SnapshotChunk> range = ChunkRanges.of(split);
        if (file == null || file.isEmpty() || range.isEmpty()) {
            if (withoutRange.add(table)) {
                LOG.info(
                        "Table {}: snapshot chunks split on {} carry no key range; a chunk read"
                                + " twice under at-least-once delivery can leave rows deleted"
                                + " between the reads (docs/cdc-source.md)",
                        table,
                        ChunkRanges.keyTypeOf(split));
            }
            return;
        }
        output.collect(chunkEvents.of(table, range.get(), high));
    }

    /** Passes records on and counts the dead letters among them. */
    private final class WatchedOutput implements SourceOutput<T> {
        private final SourceOutput<T> out;
        private int deadLetters;

        WatchedOutput(SourceOutput<T> out) {
            this.out = out;
        }

        @Override
        public void collect(T record) {
            count(record);
            out.collect(record);
        }

        @Override
        public void collect(T record, long timestamp) {
            count(record);
            out.collect(record, timestamp);
        }

        private void count(T record) {
            if (chunkEvents.isDeadLetter(record)) {
                deadLetters++;
            }
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            out.emitWatermark(watermark);
        }

        @Override
        public void markIdle() {
            out.markIdle();
        }

        @Override
        public void markActive() {
            out.markActive();
        }
    }

    /** {@code row} with the file and position of {@code high} in its source struct. */
    static SourceRecord atPosition(SourceRecord row, BinlogOffset high) {
        String file = high.getFilename();
        if (file == null || file.isEmpty() || !(row.value() instanceof Struct)) {
            return row;
        }
        Struct source = ((Struct) row.value()).getStruct("source");
        if (source == null) {
            return row;
        }
        source.put("file", file);
        source.put("pos", high.getPosition());
        if (source.schema().field("row") != null) {
            source.put("row", 0);
        }
        return row;
    }
}
