package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * AWS DMS {@code json-unformatted} records: {@code data} (the row), {@code metadata} (operation,
 * schema-name, table-name, timestamp, record-type) and, with DMS before-image settings, {@code
 * before-image}. Operations {@code load} (full load) become reads, {@code insert}, {@code update},
 * {@code delete} the matching changes; a delete's {@code data} is the deleted row. Control records
 * ({@code record-type: control}: create/drop table, column changes) carry no DDL text this sink
 * could replay and are skipped and counted.
 *
 * <p>DMS names no key columns: they come from the table rules ({@code primary-key}). Ordering is by
 * arrival, see {@link ArrivalOrder}.
 */
final class DmsChangeParser implements ChangeParser {

    static final DmsChangeParser INSTANCE = new DmsChangeParser();

    @Override
    public ParsedRecord parse(JsonNode root, byte[] key) {
        JsonNode meta = root.path("metadata");
        String recordType = JsonRows.text(meta, "record-type");
        if ("control".equals(recordType)) {
            return ParsedRecord.skip("DMS control record " + JsonRows.text(meta, "operation"));
        }
        if (!"data".equals(recordType)) {
            throw new RejectedRecordException(
                    RejectReason.UNRECOGNIZED_FORMAT,
                    "DMS record-type '" + recordType + "', expected data or control");
        }
        String operation = JsonRows.text(meta, "operation");
        if (operation == null) {
            throw new RejectedRecordException(RejectReason.MISSING_OP, "no metadata.operation");
        }
        Op op = op(operation);
        String schema = JsonRows.text(meta, "schema-name");
        String table = JsonRows.text(meta, "table-name");
        if (schema == null || schema.isEmpty() || table == null || table.isEmpty()) {
            throw new RejectedRecordException(
                    RejectReason.MISSING_TABLE, "no metadata.schema-name or metadata.table-name");
        }
        Map<String, Object> data = JsonRows.row(root.get("data"), "data");
        if (data == null) {
            throw new RejectedRecordException(
                    RejectReason.MISSING_IMAGE, "DMS " + operation + " without data");
        }
        Map<String, Object> before = JsonRows.row(root.get("before-image"), "before-image");
        long tsMs = timestampMs(JsonRows.text(meta, "timestamp"));
        SourcePosition position = ArrivalOrder.position(tsMs);
        TableId id = TableId.of(schema, table);
        return ParsedRecord.of(List.of(event(op, id, before, data, position, tsMs)));
    }

    private static Op op(String operation) {
        switch (operation) {
            case "load":
                return Op.READ;
            case "insert":
                return Op.CREATE;
            case "update":
                return Op.UPDATE;
            case "delete":
                return Op.DELETE;
            default:
                throw new RejectedRecordException(
                        RejectReason.UNKNOWN_OP,
                        "unknown DMS operation '"
                                + operation
                                + "', expected load, insert, update or delete");
        }
    }

    private static ChangeEvent event(
            Op op,
            TableId id,
            @Nullable Map<String, Object> before,
            Map<String, Object> data,
            SourcePosition position,
            long tsMs) {
        switch (op) {
            case READ:
                return ChangeEvent.read(id, data, position, tsMs, List.of(), List.of());
            case CREATE:
                return ChangeEvent.insert(id, data, position, tsMs, List.of(), List.of());
            case UPDATE:
                return ChangeEvent.update(id, before, data, position, tsMs, List.of(), List.of());
            default:
                return ChangeEvent.delete(id, data, position, tsMs, List.of(), List.of());
        }
    }

    private static long timestampMs(String text) {
        if (text == null) {
            return 0;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new RejectedRecordException(
                    RejectReason.MALFORMED, "metadata.timestamp '" + text + "' is not ISO-8601", e);
        }
    }
}
