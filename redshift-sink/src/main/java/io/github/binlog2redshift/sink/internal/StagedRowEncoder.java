package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.StagedValueText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The staged fields of one change, in the order of {@code SqlDialect.stagedColumns}: op code,
 * position sort key, source commit time, then the row image's values for {@code columns} (the
 * {@code after} image of an upsert, the {@code before} image of a delete, whose key columns are
 * what the merge needs).
 */
public final class StagedRowEncoder {

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private StagedRowEncoder() {}

    public static List<String> fields(
            ChangeEvent event, List<ColumnDef> columns, String binaryPrefix) {
        List<String> out = new ArrayList<>(columns.size() + 3);
        out.add(event.op().code());
        out.add(event.source().sortKey());
        long ts = event.source().timestampMs();
        out.add(ts > 0 ? UTC.format(Instant.ofEpochMilli(ts)) + "+00" : null);
        Map<String, Object> image = event.keyImage();
        for (ColumnDef c : columns) {
            out.add(StagedValueText.of(c, image.get(c.name()), binaryPrefix));
        }
        return out;
    }
}
