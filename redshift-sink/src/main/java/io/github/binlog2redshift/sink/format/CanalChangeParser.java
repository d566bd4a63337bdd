package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Canal flat messages: {@code data[]} holds one or more rows of one binlog event, {@code old[]} the
 * previous values of the changed columns of each updated row, {@code pkNames} the key columns and
 * {@code mysqlType} the column types in table order. DDL messages ({@code isDdl: true}) become
 * schema changes carrying {@code sql}; one that names no table (e.g. CREATE DATABASE) is skipped
 * and counted. Canal writes every value as text; {@link CanalTypes} turns numbers back into
 * numbers. Ordering is by arrival, see {@link ArrivalOrder}.
 */
final class CanalChangeParser implements ChangeParser {

    static final CanalChangeParser INSTANCE = new CanalChangeParser();

    @Override
    public ParsedRecord parse(JsonNode root, byte[] key) {
        String db = JsonRows.text(root, "database");
        String table = JsonRows.text(root, "table");
        String type = JsonRows.text(root, "type");
        long es = root.path("es").asLong(0);
        SourcePosition position = ArrivalOrder.position(es > 0 ? es : root.path("ts").asLong(0));
        List<String> pk = new ArrayList<>();
        root.path("pkNames").forEach(n -> pk.add(n.asText()));
        if (root.path("isDdl").asBoolean(false)) {
            if (db == null || db.isEmpty() || table == null || table.isEmpty()) {
                return ParsedRecord.skip("Canal DDL without a table: " + type);
            }
            String sql = JsonRows.text(root, "sql");
            if (sql == null) {
                throw new RejectedRecordException(RejectReason.MALFORMED, "Canal DDL without sql");
            }
            return ParsedRecord.of(
                    List.of(
                            ChangeEvent.schemaChange(
                                    TableId.of(db, table), sql, position, es, pk, List.of())));
        }
        if (type == null) {
            throw new RejectedRecordException(RejectReason.MISSING_OP, "no 'type' field");
        }
        if (!type.equals("INSERT") && !type.equals("UPDATE") && !type.equals("DELETE")) {
            throw new RejectedRecordException(
                    RejectReason.UNKNOWN_OP,
                    "unknown Canal type '" + type + "', expected INSERT, UPDATE or DELETE");
        }
        if (db == null || db.isEmpty() || table == null || table.isEmpty()) {
            throw new RejectedRecordException(RejectReason.MISSING_TABLE, "no database or table");
        }
        JsonNode data = root.path("data");
        if (!data.isArray() || data.isEmpty()) {
            throw new RejectedRecordException(
                    RejectReason.MISSING_IMAGE, "Canal " + type + " without data rows");
        }
        TableId id = TableId.of(db, table);
        CanalTypes types;
        try {
            types = CanalTypes.of(root.path("mysqlType"));
        } catch (RejectedRecordException e) {
            throw new RejectedRecordException(e.reason(), "table " + id + ", " + e.getMessage(), e);
        }
        List<ColumnDef> columns = types.columns();
        List<ChangeEvent> events = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            Map<String, Object> raw = JsonRows.row(data.get(i), "data[" + i + "]");
            Map<String, Object> row = converted(types, raw, id, pk, i);
            switch (type) {
                case "INSERT":
                    events.add(ChangeEvent.insert(id, row, position, es, pk, columns));
                    break;
                case "DELETE":
                    events.add(ChangeEvent.delete(id, row, position, es, pk, columns));
                    break;
                default:
                    Map<String, Object> before = before(row, root.path("old").path(i), types);
                    events.add(ChangeEvent.update(id, before, row, position, es, pk, columns));
            }
        }
        return ParsedRecord.of(events);
    }

    /** The row's values in the model's forms; a value that has none names table, row and key. */
    private static Map<String, Object> converted(
            CanalTypes types, Map<String, Object> raw, TableId id, List<String> pk, int index) {
        try {
            return types.convert(raw);
        } catch (RejectedRecordException e) {
            StringBuilder key = new StringBuilder();
            for (String k : pk) {
                key.append(key.length() == 0 ? "" : ", ")
                        .append(k)
                        .append('=')
                        .append(raw == null ? null : raw.get(k));
            }
            throw new RejectedRecordException(
                    e.reason(),
                    "table " + id + ", data[" + index + "], key [" + key + "], " + e.getMessage(),
                    e);
        }
    }

    /** The after image with the changed columns' old values laid over it. */
    private static Map<String, Object> before(
            Map<String, Object> after, JsonNode old, CanalTypes t) {
        if (!old.isObject()) {
            return null;
        }
        Map<String, Object> before = new LinkedHashMap<>(after);
        before.putAll(t.convert(JsonRows.row(old, "old")));
        return before;
    }
}
