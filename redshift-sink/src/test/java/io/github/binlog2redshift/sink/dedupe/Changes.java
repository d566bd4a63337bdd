package io.github.binlog2redshift.sink.dedupe;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.route.ChangeRetention;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RowKeys;
import java.util.List;
import java.util.Map;

/** Routed changes of one test table {@code shop.orders(id, v)} at chosen positions and offsets. */
final class Changes {

    static final TableId SOURCE = TableId.of("shop", "orders");
    static final TargetTable TARGET = new TargetTable("shop", "orders");
    static final List<String> PK = List.of("id");

    private Changes() {}

    static SourcePosition at(long pos) {
        return SourcePosition.binlog(1, "mysql-bin.000001", pos, 0, null, false, 1_000 + pos);
    }

    static SourcePosition none() {
        return new SourcePosition(0, null, 0, 0, 0, null, false, 0);
    }

    static RoutedChange upsert(long id, Object v, SourcePosition p, int partition, long offset) {
        Map<String, Object> row = Map.of("id", id, "v", v);
        return routed(
                ChangeEvent.update(SOURCE, null, row, p, 0, PK, List.of()), partition, offset);
    }

    static RoutedChange insert(long id, Object v, SourcePosition p, long offset) {
        Map<String, Object> row = Map.of("id", id, "v", v);
        return routed(ChangeEvent.insert(SOURCE, row, p, 0, PK, List.of()), 0, offset);
    }

    static RoutedChange delete(long id, SourcePosition p, long offset) {
        Map<String, Object> row = Map.of("id", id, "v", "gone");
        return routed(ChangeEvent.delete(SOURCE, row, p, 0, PK, List.of()), 0, offset);
    }

    static RoutedChange ddl(String text, SourcePosition p, int partition, long offset) {
        ChangeEvent e = ChangeEvent.schemaChange(SOURCE, text, p, 0, PK, List.of());
        return new RoutedChange(TARGET, RowKeys.schemaChange(TARGET), e, "t", partition, offset);
    }

    /** {@code c} with every change of its key kept (a history table). */
    static RoutedChange every(RoutedChange c) {
        return new RoutedChange(
                c.target(),
                c.key(),
                c.event(),
                c.topic(),
                c.partition(),
                c.offset(),
                ChangeRetention.EVERY);
    }

    /** An insert into a table without key columns, keyed by its image as the router keys it. */
    static RoutedChange keylessInsert(long id, Object v, SourcePosition p, long offset) {
        Map<String, Object> row = Map.of("id", id, "v", v);
        return keyless(ChangeEvent.insert(SOURCE, row, p, 0, List.of(), List.of()), offset);
    }

    /** A snapshot read of a table without key columns, at its chunk's watermark {@code p}. */
    static RoutedChange keylessRead(long id, Object v, SourcePosition p, long offset) {
        Map<String, Object> row = Map.of("id", id, "v", v);
        return keyless(ChangeEvent.read(SOURCE, row, p, 0, List.of(), List.of()), offset);
    }

    private static RoutedChange keyless(ChangeEvent e, long offset) {
        return new RoutedChange(
                TARGET,
                RowKeys.row(TARGET, List.of(), e.keyImage()),
                e,
                "t",
                0,
                offset,
                ChangeRetention.EVERY);
    }

    private static RoutedChange routed(ChangeEvent e, int partition, long offset) {
        return new RoutedChange(
                TARGET, RowKeys.row(TARGET, PK, e.keyImage()), e, "t", partition, offset);
    }
}
