package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The opt-in truncation of oversize values ({@code sink.oversize-values=TRUNCATE}). */
final class ValueCuts {

    private ValueCuts() {}

    /**
     * {@code value} cut to {@code maxBytes}: text on a character boundary, binary bytes, JSON to
     * NULL.
     */
    static Object cut(String value, MySqlType t, int maxBytes) {
        if (t.base().equals("JSON")) {
            return null; // a cut JSON document is not JSON; SUPER would reject it
        }
        if (t.isBinary()) {
            byte[] bytes = Base64.getDecoder().decode(value);
            return Base64.getEncoder().encodeToString(Arrays.copyOf(bytes, maxBytes));
        }
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(maxBytes);
        CharBuffer in = CharBuffer.wrap(value);
        enc.encode(in, out, true); // stops before a character that does not fit whole
        return value.substring(0, in.position());
    }

    /** {@code value} cut to its first {@code maxChars} characters (code points). */
    static String cutChars(String value, int maxChars) {
        return value.substring(0, value.offsetByCodePoints(0, maxChars));
    }

    /** The change with the cut image and {@code _b2r_truncated} naming the cut columns. */
    static ChangeEvent withTruncated(
            ChangeEvent e, Map<String, Object> image, List<String> columns) {
        image.put(ReservedNames.TRUNCATED, String.join(",", columns));
        List<ColumnDef> cols = new ArrayList<>(e.columns());
        cols.add(ColumnDef.of(ReservedNames.TRUNCATED, "VARCHAR", 1024, null, true));
        boolean delete = e.after() == null;
        return new ChangeEvent(
                e.table(),
                e.op(),
                delete ? image : e.before(),
                delete ? null : image,
                e.source(),
                e.tsMs(),
                e.primaryKey(),
                cols,
                e.ddl());
    }

    static ChangeEvent withColumns(ChangeEvent e, List<ColumnDef> cols) {
        return new ChangeEvent(
                e.table(),
                e.op(),
                e.before(),
                e.after(),
                e.source(),
                e.tsMs(),
                e.primaryKey(),
                cols,
                e.ddl());
    }
}
