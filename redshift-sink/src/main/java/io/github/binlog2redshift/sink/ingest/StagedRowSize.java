package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.internal.StagedRowEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The bytes a change's staged CSV line has ({@code CsvLine}: every non-NULL field quoted with its
 * quotes doubled, NULL as {@code \N}, commas, a newline), as {@code StagedRowEncoder} writes it:
 * binary values as hex, twice their size. A cheap bound is tried first; the line is encoded only
 * when the bound passes the limit.
 */
final class StagedRowSize {

    /** UTF-8 takes at most 3 bytes per UTF-16 unit, a doubled quote 2. */
    private static final int BYTES_PER_CHAR = 3;

    /** Op code, position sort key (40) and commit time (at most 30 characters). */
    private static final int HIDDEN_CHARS = 1 + 40 + 30;

    private StagedRowSize() {}

    /** The staged line's exact size in bytes, or a number at most {@code limit} that bounds it. */
    static long of(ChangeEvent e, String binaryPrefix, long limit) {
        long bound = bound(e, binaryPrefix);
        return bound <= limit ? bound : exact(e, binaryPrefix);
    }

    private static long bound(ChangeEvent e, String binaryPrefix) {
        long bytes = (long) BYTES_PER_CHAR * (HIDDEN_CHARS + 3 * 2) + 3 * 3;
        Map<String, Object> image = e.keyImage();
        for (ColumnDef c : e.columns()) {
            Object v = image.get(c.name());
            // Quotes and prefix included; a base64 value's hex is 1.5 times as long, a byte
            // array's twice; the timestamp form adds at most 2 characters.
            long chars =
                    v == null
                            ? 2
                            : (v instanceof byte[]
                                            ? 2L * ((byte[]) v).length
                                            : String.valueOf(v).length())
                                    + binaryPrefix.length()
                                    + 4;
            bytes += BYTES_PER_CHAR * chars + 1;
        }
        return bytes;
    }

    static long exact(ChangeEvent e, String binaryPrefix) {
        List<String> fields = StagedRowEncoder.fields(e, e.columns(), binaryPrefix);
        long bytes = fields.size(); // commas and the newline
        for (String f : fields) {
            if (f == null) {
                bytes += 2;
                continue;
            }
            bytes += 2 + f.getBytes(StandardCharsets.UTF_8).length;
            for (int i = 0; i < f.length(); i++) {
                bytes += f.charAt(i) == '"' ? 1 : 0;
            }
        }
        return bytes;
    }
}
