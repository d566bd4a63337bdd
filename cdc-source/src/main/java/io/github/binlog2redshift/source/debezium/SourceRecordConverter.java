package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.config.source.TablePkOverride;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.Nullable;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.header.Header;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;

/**
 * Converts Debezium MySQL source records (data changes and schema changes) into {@link
 * ChangeEvent}s. Not thread-safe: one per source reader.
 */
public final class SourceRecordConverter {

    static final String SCHEMA_CHANGE_KEY = "io.debezium.connector.mysql.SchemaChangeKey";

    /** Past this many cached schemas something churns; start over rather than grow without end. */
    private static final int MAX_CACHED_SHAPES = 10_000;

    private final List<TablePkOverride> overrides;
    private final int positionEpoch;
    private final Map<Schema, TableShape> shapes = new IdentityHashMap<>();

    public SourceRecordConverter(List<TablePkOverride> overrides) {
        this(overrides, 0);
    }

    /**
     * Every position, of rows, snapshot rows and DDL alike, in binlog history {@code
     * positionEpoch}.
     */
    public SourceRecordConverter(List<TablePkOverride> overrides, int positionEpoch) {
        this.overrides = List.copyOf(overrides);
        this.positionEpoch = positionEpoch;
    }

    public static boolean isSchemaChange(SourceRecord record) {
        return record.keySchema() != null && SCHEMA_CHANGE_KEY.equals(record.keySchema().name());
    }

    /**
     * The events of one record: one for a row change, one per changed table for DDL, none for
     * records that carry neither (e.g. a DDL that changes no table).
     */
    public List<ChangeEvent> convert(SourceRecord record) {
        Struct value = (Struct) record.value();
        if (value == null) {
            return List.of(); // a tombstone; Flink CDC does not emit them, Debezium may
        }
        if (isSchemaChange(record)) {
            Struct source = value.getStruct("source");
            SourcePosition p = SourcePositions.of(source, false).withEpoch(positionEpoch);
            return SchemaChangeConverter.convert(
                    value.getString("historyRecord"), recordTable(source), p, p.timestampMs());
        }
        if (value.schema().field("op") == null) {
            return List.of();
        }
        return List.of(dataChange(record, value));
    }

    /** The one table a schema change's {@code source} names; null when none or several. */
    @Nullable
    private static TableId recordTable(Struct source) {
        String db = source.getString("db");
        String table = source.getString("table");
        if (db == null || db.isEmpty() || table == null || table.isEmpty() || table.contains(",")) {
            return null;
        }
        return TableId.of(db, table);
    }

    private ChangeEvent dataChange(SourceRecord record, Struct value) {
        Op op = Op.fromCode(value.getString("op"));
        Struct source = value.getStruct("source");
        TableId table = TableId.of(source.getString("db"), source.getString("table"));
        Schema rowSchema = value.schema().field("after").schema();
        TableShape shape = shapes.get(rowSchema);
        if (shape == null) {
            if (shapes.size() >= MAX_CACHED_SHAPES) {
                shapes.clear();
            }
            Optional<TablePkOverride> override =
                    overrides.stream()
                            .filter(o -> o.matches(table.database(), table.table()))
                            .findFirst();
            shape = TableShape.of(table, rowSchema, record.keySchema(), override);
            shapes.put(rowSchema, shape);
        }
        SourcePosition p = SourcePositions.of(source, op == Op.READ).withEpoch(positionEpoch);
        Long ts = value.getInt64("ts_ms");
        long tsMs = ts == null ? p.timestampMs() : ts;
        // A partial row image (binlog_row_image MINIMAL/NOBLOB): Debezium filled the columns the
        // binlog did not carry with null or a fallback; keep only the ones it carried.
        List<String> inBefore = present(record, PresentColumns.BEFORE_HEADER, shape);
        List<String> inAfter = present(record, PresentColumns.AFTER_HEADER, shape);
        Map<String, Object> before =
                PresentColumns.keep(shape.row(value.getStruct("before")), inBefore);
        Map<String, Object> after =
                PresentColumns.keep(shape.row(value.getStruct("after")), inAfter);
        boolean partial = inBefore != null || inAfter != null;
        return new ChangeEvent(
                table,
                op,
                before,
                after,
                p,
                tsMs,
                shape.keyColumns(),
                shape.columns(),
                null,
                partial);
    }

    @Nullable
    private static List<String> present(SourceRecord record, String header, TableShape shape) {
        Header h = record.headers() == null ? null : record.headers().lastWithName(header);
        return h == null ? null : PresentColumns.names((String) h.value(), shape.columnNames());
    }
}
