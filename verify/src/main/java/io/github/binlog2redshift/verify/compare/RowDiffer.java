package io.github.binlog2redshift.verify.compare;

import io.github.binlog2redshift.verify.canon.KeyOrder;
import io.github.binlog2redshift.verify.compare.ChunkScanner.RowSource;
import io.github.binlog2redshift.verify.jdbc.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Phase 3: merge-joins the rows of one differing chunk from both sides by key and reports each
 * missing, extra and changed row. Streaming like the scan: one row per side in memory.
 */
public final class RowDiffer {

    private final KeyOrder order;
    private final List<String> columnNames;

    /**
     * @param columnNames compared column names (source names), in row-value order
     */
    public RowDiffer(KeyOrder order, List<String> columnNames) {
        this.order = order;
        this.columnNames = List.copyOf(columnNames);
    }

    /**
     * @return rows read from both sides
     */
    public long diff(RowSource source, RowSource target, Consumer<Difference> sink)
            throws Exception {
        long read = 0;
        Row s = source.next();
        Row t = target.next();
        while (s != null || t != null) {
            int c = s == null ? 1 : t == null ? -1 : order.compare(s.key(), t.key());
            if (c < 0) {
                sink.accept(new Difference(Difference.Type.MISSING, s.key(), List.of()));
                read++;
                s = source.next();
            } else if (c > 0) {
                sink.accept(new Difference(Difference.Type.EXTRA, t.key(), List.of()));
                read++;
                t = target.next();
            } else {
                List<Difference.ColumnChange> changes = changes(s, t);
                if (!changes.isEmpty()) {
                    sink.accept(new Difference(Difference.Type.CHANGED, s.key(), changes));
                }
                read += 2;
                s = source.next();
                t = target.next();
            }
        }
        return read;
    }

    private List<Difference.ColumnChange> changes(Row s, Row t) {
        List<Difference.ColumnChange> changes = new ArrayList<>();
        for (int i = 0; i < columnNames.size(); i++) {
            String a = s.values().get(i);
            String b = t.values().get(i);
            if (!Objects.equals(a, b)) {
                changes.add(new Difference.ColumnChange(columnNames.get(i), a, b));
            }
        }
        return changes;
    }
}
