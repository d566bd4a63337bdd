package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.serde.ChangeEventParseException;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Debezium-style JSON: this project's events, Flink CDC 2.x/3.x JSON and plain Debezium (MSK
 * Connect), with or without the {@code schema}/{@code payload} envelope. Reading is {@link
 * DebeziumJsonReader}'s; this class sorts its failures into reasons and, when the value names no
 * key columns (plain Debezium), takes them from a JSON-object Kafka key ({@code {"id": 1}},
 * possibly enveloped) the way Debezium writes keys. A key in the reference's text form ({@code
 * db.table.v1}) names no columns and is ignored.
 */
final class DebeziumChangeParser implements ChangeParser {

    static final DebeziumChangeParser INSTANCE = new DebeziumChangeParser();

    @Override
    public ParsedRecord parse(JsonNode root, byte[] key) {
        JsonNode payload = root.has("schema") && root.has("payload") ? root.get("payload") : root;
        if (!payload.isObject()) {
            throw new RejectedRecordException(RejectReason.MALFORMED, "payload is not an object");
        }
        String op = JsonRows.text(payload, "op");
        if (op == null) {
            throw new RejectedRecordException(RejectReason.MISSING_OP, "no 'op' field");
        }
        try {
            Op.fromCode(op);
        } catch (IllegalArgumentException e) {
            throw new RejectedRecordException(RejectReason.UNKNOWN_OP, e.getMessage());
        }
        JsonNode source = payload.path("source");
        if (JsonRows.text(source, "db") == null || JsonRows.text(source, "table") == null) {
            throw new RejectedRecordException(
                    RejectReason.MISSING_TABLE, "no source.db or source.table");
        }
        ChangeEvent event;
        try {
            event = DebeziumJsonReader.read(root);
        } catch (ChangeEventParseException e) {
            boolean image = e.getMessage() != null && e.getMessage().contains("must carry");
            throw new RejectedRecordException(
                    image ? RejectReason.MISSING_IMAGE : RejectReason.MALFORMED, e.getMessage(), e);
        }
        return withKey(event, key);
    }

    /**
     * The record of {@code event}, its key columns taken from the Kafka key when the value names
     * none.
     */
    static ParsedRecord withKey(ChangeEvent event, byte[] key) {
        if (event.primaryKey().isEmpty() && event.op() != Op.SCHEMA_CHANGE) {
            List<String> keyColumns = keyColumns(key);
            if (!keyColumns.isEmpty()) {
                event = EventCopies.withPrimaryKey(event, keyColumns);
            }
        }
        return ParsedRecord.of(List.of(event));
    }

    private static List<String> keyColumns(byte[] key) {
        List<String> columns = new ArrayList<>();
        if (key == null || key.length == 0 || key[0] != '{') {
            return columns;
        }
        JsonNode node;
        try {
            node = JsonRows.MAPPER.readTree(key);
        } catch (Exception e) {
            return columns;
        }
        if (node.has("schema") && node.has("payload")) {
            node = node.get("payload");
        }
        if (node != null && node.isObject()) {
            node.fieldNames().forEachRemaining(columns::add);
        }
        return columns;
    }
}
