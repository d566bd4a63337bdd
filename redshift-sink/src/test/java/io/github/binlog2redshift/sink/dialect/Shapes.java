package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;

/** Table shapes shared by the dialect tests. */
final class Shapes {

    private Shapes() {}

    /** {@code shop.orders (id BIGINT key, note VARCHAR(100))}. */
    static TableShape orders() {
        return new TableShape(
                new TargetTable("shop", "orders"),
                List.of(
                        ColumnDef.of("id", "BIGINT", null, null, false),
                        ColumnDef.of("note", "VARCHAR", 100, null, true)),
                List.of("id"));
    }

    /** Composite key and names with embedded quotes: {@code we"ird.line "items}. */
    static TableShape weird() {
        return new TableShape(
                new TargetTable("we\"ird", "line \"items"),
                List.of(
                        ColumnDef.of("order\"id", "INT", null, null, false),
                        ColumnDef.of("Line", "SMALLINT UNSIGNED", null, null, false),
                        ColumnDef.of("qty", "DECIMAL", 12, 3, true)),
                List.of("order\"id", "Line"));
    }
}
