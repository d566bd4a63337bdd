package io.github.binlog2redshift.sink.internal;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.StagedValueText;
import java.time.Instant;
import java.time.LocalDateTime;
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
        return fields(event.op().code(), event, event.keyImage(), columns, binaryPrefix);
    }

    /**
     * The row an UPDATE replaces, for a mirrored table without a key: op {@code b} ({@link
     * ReservedNames#REPLACED_OP}) and the {@code before} image, at the update's position.
     */
    public static List<String> replacedFields(
            ChangeEvent update, List<ColumnDef> columns, String binaryPrefix) {
        return fields(ReservedNames.REPLACED_OP, update, update.before(), columns, binaryPrefix);
    }

    private static List<String> fields(
            String op,
            ChangeEvent event,
            Map<String, Object> image,
            List<ColumnDef> columns,
            String binaryPrefix) {
        List<String> out = new ArrayList<>(columns.size() + 3);
        out.add(op);
        out.add(event.source().sortKey());
        long ts = event.source().timestampMs();
        out.add(ts > 0 ? utc(ts) : null);
        for (ColumnDef c : columns) {
            out.add(StagedValueText.of(c, image.get(c.name()), binaryPrefix));
        }
        return out;
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss.SSS+00}, built by hand: this runs for every staged row, and the
     * formatter's per-call objects were a tenth of the writer's time. Years past 9999 take the
     * formatter.
     */
    static String utc(long epochMs) {
        LocalDateTime t =
                LocalDateTime.ofEpochSecond(
                        Math.floorDiv(epochMs, 1000L),
                        (int) Math.floorMod(epochMs, 1000L) * 1_000_000,
                        ZoneOffset.UTC);
        if (t.getYear() > 9999) {
            return UTC.format(Instant.ofEpochMilli(epochMs)) + "+00";
        }
        StringBuilder b = new StringBuilder(26);
        two(two(b, t.getYear() / 100), t.getYear() % 100).append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond()).append('.');
        int ms = t.getNano() / 1_000_000;
        return b.append((char) ('0' + ms / 100))
                .append((char) ('0' + ms / 10 % 10))
                .append((char) ('0' + ms % 10))
                .append("+00")
                .toString();
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
