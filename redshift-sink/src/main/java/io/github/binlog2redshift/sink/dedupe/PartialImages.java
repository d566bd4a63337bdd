package io.github.binlog2redshift.sink.dedupe;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Completes a change with a partial after image (the source logs {@code binlog_row_image=MINIMAL}
 * or {@code NOBLOB}) from the earlier change of the same key held in the dedupe state: a column the
 * newer image lacks was not changed by it, so its value is the earlier image's. The result is a
 * full row when the earlier image had every column the newer one lacks; otherwise it stays partial
 * and the merge updates only the columns it has (docs/apply.md).
 */
final class PartialImages {

    private PartialImages() {}

    /**
     * {@code newer} completed from {@code older}, both of one key and {@code newer} the later;
     * {@code newer} itself when it is full, a delete, or {@code older} has no after image.
     */
    static RoutedChange onto(RoutedChange newer, RoutedChange older) {
        ChangeEvent e = newer.event();
        ChangeEvent earlier = older.event();
        if (!e.partialImage() || e.op() == Op.DELETE || earlier.after() == null) {
            return newer;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        boolean complete = true;
        for (ColumnDef c : e.columns()) {
            String name = c.name();
            if (e.after().containsKey(name)) {
                merged.put(name, e.after().get(name));
            } else if (earlier.after().containsKey(name)) {
                merged.put(name, earlier.after().get(name));
            } else {
                complete = false;
            }
        }
        return newer.withEvent(e.withAfter(merged, !complete));
    }
}
