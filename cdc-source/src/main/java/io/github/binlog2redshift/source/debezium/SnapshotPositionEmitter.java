package io.github.binlog2redshift.source.debezium;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.cdc.connectors.mysql.source.metrics.MySqlSourceReaderMetrics;
import org.apache.flink.cdc.connectors.mysql.source.offset.BinlogOffset;
import org.apache.flink.cdc.connectors.mysql.source.reader.MySqlRecordEmitter;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSplitState;
import org.apache.flink.cdc.connectors.mysql.source.utils.RecordUtils;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;

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
 */
public final class SnapshotPositionEmitter<T> extends MySqlRecordEmitter<T> {

    private final List<SourceRecord> chunk = new ArrayList<>();
    private boolean inChunk;

    public SnapshotPositionEmitter(
            DebeziumDeserializationSchema<T> deserializer,
            MySqlSourceReaderMetrics metrics,
            boolean includeSchemaChanges) {
        super(deserializer, metrics, includeSchemaChanges);
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
            for (SourceRecord row : chunk) {
                super.processElement(atPosition(row, high), output, splitState);
            }
            chunk.clear();
            inChunk = false;
        }
        super.processElement(element, output, splitState);
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
