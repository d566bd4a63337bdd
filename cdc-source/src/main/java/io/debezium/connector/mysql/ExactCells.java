package io.debezium.connector.mysql;

import com.github.shyiko.mysql.binlog.event.deserialization.ColumnType;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * The cell types {@link RowDeserializers} decodes itself (temporal types and strings), dispatched
 * as the binlog client's {@code AbstractRowsEventDataDeserializer.deserializeCell} dispatches them,
 * so its three row deserializers share one switch.
 */
final class ExactCells {

    private ExactCells() {}

    /** True for the cell types this class decodes itself (see {@link #cell}). */
    static boolean decodes(ColumnType type) {
        switch (type) {
            case STRING:
            case VARCHAR:
            case VAR_STRING:
            case DATE:
            case TIME:
            case TIME_V2:
            case DATETIME:
            case DATETIME_V2:
            case TIMESTAMP:
            case TIMESTAMP_V2:
            case YEAR:
                return true;
            default:
                return false;
        }
    }

    /** A cell of a type {@link #decodes}, dispatched as the binlog client dispatches it. */
    static Serializable cell(ColumnType type, int meta, int length, ByteArrayInputStream in)
            throws IOException {
        switch (type) {
            case STRING:
                return RowDeserializers.deserializeString(length, in);
            case VARCHAR:
            case VAR_STRING:
                return RowDeserializers.deserializeVarString(meta, in);
            case DATE:
                return RowDeserializers.deserializeDate(in);
            case TIME:
                return RowDeserializers.deserializeTime(in);
            case TIME_V2:
                return RowDeserializers.deserializeTimeV2(meta, in);
            case DATETIME:
                return RowDeserializers.deserializeDatetime(in);
            case DATETIME_V2:
                return RowDeserializers.deserializeDatetimeV2(meta, in);
            case TIMESTAMP:
                return RowDeserializers.deserializeTimestamp(in);
            case TIMESTAMP_V2:
                return RowDeserializers.deserializeTimestampV2(meta, in);
            default:
                return RowDeserializers.deserializeYear(in);
        }
    }
}
