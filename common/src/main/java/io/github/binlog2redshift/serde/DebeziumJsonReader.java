package io.github.binlog2redshift.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Reads Debezium / Flink CDC JSON change events, with or without the {@code schema}/{@code payload}
 * envelope, including the extensions written by {@link ChangeEventJson}. Numbers keep their exact
 * value: integers become {@link Long} or {@link java.math.BigInteger}, other numbers {@link
 * java.math.BigDecimal}.
 *
 * <p>Throws {@link ChangeEventParseException} with the reason for anything it cannot take: invalid
 * JSON, no {@code op}, an unknown op, no database or table, or an image missing for its op.
 */
public final class DebeziumJsonReader {

    private DebeziumJsonReader() {}

    public static ChangeEvent read(byte[] value) {
        JsonNode root;
        try {
            root = ChangeEventJson.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            throw new ChangeEventParseException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ChangeEventParseException("not valid JSON: " + e.getMessage(), e);
        }
        return read(root);
    }

    public static ChangeEvent read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new ChangeEventParseException("not a JSON object");
        }
        JsonNode payload = root.has("payload") && root.has("schema") ? root.get("payload") : root;
        String opCode = text(payload, "op");
        if (opCode == null) {
            throw new ChangeEventParseException("no 'op' field");
        }
        Op op;
        try {
            op = Op.fromCode(opCode);
        } catch (IllegalArgumentException e) {
            throw new ChangeEventParseException(e.getMessage());
        }
        JsonNode source = payload.path("source");
        String db = text(source, "db");
        String table = text(source, "table");
        if (db == null || table == null) {
            throw new ChangeEventParseException("no source.db or source.table");
        }
        try {
            return new ChangeEvent(
                    TableId.of(db, table),
                    op,
                    row(payload.get("before")),
                    row(payload.get("after")),
                    position(source),
                    payload.path("ts_ms").asLong(0),
                    strings(payload.get("pk")),
                    columns(payload.get("columns")),
                    text(payload, "ddl"),
                    payload.path("partial_image").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new ChangeEventParseException(e.getMessage(), e);
        }
    }

    private static SourcePosition position(JsonNode source) {
        JsonNode snapshotNode = source.path("snapshot");
        boolean snapshot =
                snapshotNode.isBoolean()
                        ? snapshotNode.booleanValue()
                        : !snapshotNode.isMissingNode()
                                && !snapshotNode.isNull()
                                && !"false".equals(snapshotNode.asText());
        return position(
                source.path("server_id").asLong(0),
                text(source, "gtid"),
                snapshot,
                source.path("ts_ms").asLong(0),
                text(source, "file"),
                source.path("pos").asLong(0),
                source.path("row").asInt(0),
                // Absent (events written before epochs existed, other producers): epoch 0.
                source.path("position_epoch").asInt(0));
    }

    /**
     * The position of a {@code source} block's fields, as read from it (absent numbers as 0);
     * shared with readers that do not build a tree.
     */
    public static SourcePosition position(
            long serverId,
            @Nullable String gtid,
            boolean snapshot,
            long tsMs,
            @Nullable String file,
            long pos,
            int row,
            int epoch) {
        if (file == null || file.isEmpty()) {
            // No binlog coordinates: keep whatever monotone number a converter put in pos/row
            // (DMS and Canal inputs do, see SourcePosition); ties fall back to arrival order.
            return new SourcePosition(
                    epoch,
                    serverId,
                    null,
                    0,
                    Math.max(0, pos),
                    Math.max(0, row),
                    gtid,
                    snapshot,
                    tsMs);
        }
        return SourcePosition.binlog(serverId, file, pos, row, gtid, snapshot, tsMs)
                .withEpoch(epoch);
    }

    static Map<String, Object> row(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new ChangeEventParseException("a row image is not a JSON object");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            row.put(f.getKey(), value(f.getValue()));
        }
        return row;
    }

    /**
     * A JSON value in the model's exact form: text, boolean, {@link Long} or {@link
     * java.math.BigInteger}, {@link java.math.BigDecimal}, null; nested structures as JSON text.
     * Every JSON parser of the project reads values through this one method.
     */
    public static Object value(JsonNode v) {
        if (v.isNull()) {
            return null;
        } else if (v.isTextual()) {
            return v.textValue();
        } else if (v.isBoolean()) {
            return v.booleanValue();
        } else if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        } else if (v.isNumber()) {
            return v.decimalValue();
        }
        // Nested structures (e.g. Debezium geometry {wkb, srid}) are kept as their JSON text.
        return v.toString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static List<ColumnDef> columns(JsonNode node) {
        List<ColumnDef> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode c : node) {
                List<String> enumValues =
                        c.has("enum_values") ? strings(c.get("enum_values")) : null;
                out.add(
                        new ColumnDef(
                                c.path("name").asText(),
                                c.path("type").asText(),
                                intOrNull(c.get("length")),
                                intOrNull(c.get("scale")),
                                c.path("nullable").asBoolean(true),
                                enumValues));
            }
        }
        return out;
    }

    private static Integer intOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asInt();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
