package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.internal.StagedRowEncoder;
import io.github.binlog2redshift.sink.internal.StagingFile;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds committables the way the writer does: change events staged into a gzip CSV file. */
final class StagedBatches {

    static final TableId SOURCE = TableId.of("shop", "orders");

    private StagedBatches() {}

    static SourcePosition pos(long position) {
        return SourcePosition.binlog(
                7, "mysql-bin.000003", position, 0, null, false, 1_700_000_000_000L + position);
    }

    static ChangeEvent upsert(
            List<ColumnDef> cols, List<String> pk, long position, Map<String, Object> after) {
        return ChangeEvent.insert(SOURCE, after, pos(position), 0, pk, cols);
    }

    static ChangeEvent delete(
            List<ColumnDef> cols, List<String> pk, long position, Map<String, Object> before) {
        return ChangeEvent.delete(SOURCE, before, pos(position), 0, pk, cols);
    }

    /** One gzip file of {@code events} under the target's staging directory. */
    static TableCommittable stage(
            SinkTarget target, TargetTable table, long checkpoint, List<ChangeEvent> events)
            throws IOException {
        String stagingId = "s0-" + UUID.randomUUID();
        List<ColumnDef> cols = events.get(events.size() - 1).columns();
        List<String> names = cols.stream().map(ColumnDef::name).toList();
        String uri = target.stagingUri() + stagingId + "-0.csv.gz";
        String binaryPrefix = target.dialect().binaryPrefix();
        StagedFile file;
        try (StagingFile f = new StagingFile(uri, names, true)) {
            for (ChangeEvent e : events) {
                f.write(StagedRowEncoder.fields(e, cols, binaryPrefix));
            }
            file = f.finish();
        }
        ChangeEvent last =
                events.stream().max(Comparator.comparing(ChangeEvent::source)).orElseThrow();
        return new TableCommittable(
                table,
                checkpoint,
                stagingId,
                0,
                List.of(file),
                last.source().sortKey(),
                last.source().timestampMs(),
                cols,
                last.primaryKey(),
                List.of(),
                io.github.binlog2redshift.sink.dialect.TableMode.defaults());
    }
}
