package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.SourcePosition;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;

/**
 * Reads the {@code source} struct of a Debezium MySQL record into a {@link SourcePosition}.
 *
 * <p>Flink CDC's incremental snapshot emits its rows with an empty binlog file, position 0 and
 * server id 0 (verified against MariaDB 10.11 with Flink CDC 3.5.0); {@link
 * SnapshotPositionEmitter} writes the chunk's high watermark into them before they get here, so
 * they arrive with the watermark's file and position. A row still without a file becomes position
 * (0, 0, 0) with {@code snapshot = true}, which sorts before every binlog change
 * (docs/event-format.md).
 */
final class SourcePositions {

    private SourcePositions() {}

    static SourcePosition of(Struct source, boolean snapshotRead) {
        String file = source.getString("file");
        long serverId = longOrZero(source, "server_id");
        long tsMs = longOrZero(source, "ts_ms");
        String gtid = source.schema().field("gtid") == null ? null : source.getString("gtid");
        if (file == null || file.isEmpty()) {
            return new SourcePosition(serverId, "", 0, 0, 0, gtid, true, tsMs);
        }
        long pos = longOrZero(source, "pos");
        Integer row = source.getInt32("row");
        return SourcePosition.binlog(
                serverId, file, pos, row == null ? 0 : row, gtid, snapshotRead, tsMs);
    }

    private static long longOrZero(Struct s, String field) {
        Object v = s.get(field);
        return v == null ? 0 : ((Number) v).longValue();
    }
}
