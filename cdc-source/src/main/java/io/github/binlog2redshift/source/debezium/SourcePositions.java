package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.SourcePosition;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;

/**
 * Reads the {@code source} struct of a Debezium MySQL record into a {@link SourcePosition}.
 *
 * <p>Flink CDC's incremental snapshot emits its rows with an empty binlog file, position 0 and
 * server id 0 (verified against MariaDB 10.11 with Flink CDC 3.5.0): they become position (0, 0, 0)
 * with {@code snapshot = true}, which sorts before every binlog change. That is right because the
 * reader only streams a key's binlog changes after the high watermark of the chunk that held it,
 * and changes inside the chunk's window are merged into the snapshot row itself (backfill); such a
 * merged row keeps the coordinates of the change it absorbed, still below the high watermark.
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
