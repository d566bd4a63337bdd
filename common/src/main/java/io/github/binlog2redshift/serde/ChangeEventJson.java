package io.github.binlog2redshift.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes a {@link ChangeEvent} as Debezium-style JSON (no schema envelope), the value cdc-source
 * puts on Kafka. Existing Debezium consumers read {@code before}, {@code after}, {@code source},
 * {@code op} and {@code ts_ms} as usual; the extra top-level fields {@code pk}, {@code columns} and
 * {@code ddl} and the extra source fields {@code row}/{@code file}/{@code pos} (and {@code
 * position_epoch} once raised, see {@link SourcePosition#epoch()}) make the stream exact. The
 * format is documented in {@code docs/event-format.md}; {@link DebeziumJsonReader} reads it back.
 */
public final class ChangeEventJson {

    /** The {@code source.version} written by this project. */
    public static final String VERSION = "binlog2redshift-1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    // Exact decimals when reading too: the default node factory strips trailing zeros (10.50 ->
    // 10.5), which would change a DECIMAL value's text on its way through.
    static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .setNodeFactory(NODES);

    private ChangeEventJson() {}

    public static byte[] toBytes(ChangeEvent event) {
        try {
            return MAPPER.writeValueAsBytes(toTree(event));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write change event of " + event.table(), e);
        }
    }

    public static ObjectNode toTree(ChangeEvent event) {
        ObjectNode root = NODES.objectNode();
        root.set("before", row(event.before()));
        root.set("after", row(event.after()));
        root.set("source", source(event));
        root.put("op", event.op().code());
        root.put("ts_ms", event.tsMs());
        root.putNull("transaction");
        ArrayNode pk = root.putArray("pk");
        event.primaryKey().forEach(pk::add);
        ArrayNode columns = root.putArray("columns");
        event.columns().forEach(c -> columns.add(column(c)));
        if (event.ddl() != null) {
            root.put("ddl", event.ddl());
        }
        if (event.partialImage()) {
            // Only then: full-image events stay as they always were.
            root.put("partial_image", true);
        }
        return root;
    }

    private static ObjectNode source(ChangeEvent event) {
        SourcePosition p = event.source();
        ObjectNode s = NODES.objectNode();
        s.put("version", VERSION);
        s.put("connector", "mysql");
        s.put("name", "binlog2redshift");
        s.put("ts_ms", p.timestampMs());
        s.put("snapshot", Boolean.toString(p.snapshot()));
        s.put("db", event.table().database());
        s.put("table", event.table().table());
        s.put("server_id", p.serverId());
        s.put("gtid", p.gtid());
        s.put("file", p.file());
        s.put("pos", p.position());
        s.put("row", p.row());
        if (p.epoch() > 0) {
            // only when raised: events of epoch 0 stay as they were before epochs existed
            s.put("position_epoch", p.epoch());
        }
        return s;
    }

    private static JsonNode column(ColumnDef c) {
        ObjectNode n = NODES.objectNode();
        n.put("name", c.name());
        n.put("type", c.type());
        n.put("length", c.length());
        n.put("scale", c.scale());
        n.put("nullable", c.nullable());
        if (c.enumValues() != null) {
            ArrayNode values = n.putArray("enum_values");
            c.enumValues().forEach(values::add);
        }
        return n;
    }

    private static JsonNode row(Map<String, Object> row) {
        if (row == null) {
            return NODES.nullNode();
        }
        ObjectNode n = NODES.objectNode();
        row.forEach((column, value) -> n.set(column, value(value)));
        return n;
    }

    static JsonNode value(Object v) {
        if (v == null) {
            return NODES.nullNode();
        } else if (v instanceof String) {
            return NODES.textNode((String) v);
        } else if (v instanceof Long) {
            return NODES.numberNode((Long) v);
        } else if (v instanceof Integer) {
            return NODES.numberNode((Integer) v);
        } else if (v instanceof BigInteger) {
            return NODES.numberNode((BigInteger) v);
        } else if (v instanceof Double) {
            return NODES.numberNode((Double) v);
        } else if (v instanceof Float) {
            return NODES.numberNode((Float) v);
        } else if (v instanceof BigDecimal) {
            return NODES.numberNode((BigDecimal) v);
        } else if (v instanceof Boolean) {
            return NODES.booleanNode((Boolean) v);
        } else {
            throw new IllegalArgumentException(
                    "unsupported value type " + v.getClass().getName() + " in a change event row");
        }
    }
}
