package io.github.binlog2redshift.source.debezium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.Nullable;

/**
 * Turns a Debezium MySQL schema-change record into one {@link ChangeEvent#schemaChange} per table
 * the statement changed, with the table's columns after the change.
 *
 * <p>Flink CDC puts Debezium's history record in the value field {@code historyRecord} as JSON:
 * {@code {"databaseName", "ddl", "tableChanges": [{"type", "id": "\"db\".\"t\"", "table":
 * {"primaryKeyColumnNames", "columns": [{"name", "typeName", "length", "scale", "optional",
 * "enumValues"}]}}]}}. A statement that changes no table (CREATE DATABASE, a GRANT) yields no
 * event; a dropped table yields an event without columns.
 *
 * <p>A TRUNCATE changes no column, and Debezium records it without a table change: its tables are
 * read from the text ({@link TruncateStatement}), one event each, without columns or key.
 */
final class SchemaChangeConverter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SchemaChangeConverter() {}

    /**
     * The events of one history record.
     *
     * @param recordTable the table the record's {@code source} names (Debezium's own reading of the
     *     statement), or null; where it is a truncated table but for case, its spelling is kept, as
     *     Debezium folds names the way the server does ({@code lower_case_table_names})
     */
    static List<ChangeEvent> convert(
            String historyRecord,
            @Nullable TableId recordTable,
            SourcePosition position,
            long tsMs) {
        JsonNode root;
        try {
            root = MAPPER.readTree(historyRecord);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable Debezium history record", e);
        }
        String ddl = root.path("ddl").asText();
        List<ChangeEvent> events = new ArrayList<>();
        if (root.path("tableChanges").isEmpty()) {
            String database = root.path("databaseName").asText("");
            if (database.isEmpty() && recordTable != null) {
                database = recordTable.database();
            }
            for (TableId t : TruncateStatement.tables(ddl, database)) {
                events.add(
                        ChangeEvent.schemaChange(
                                spelledAs(t, recordTable),
                                ddl,
                                position,
                                tsMs,
                                List.of(),
                                List.of()));
            }
            return events;
        }
        for (JsonNode change : root.path("tableChanges")) {
            TableId table = tableId(change.path("id").asText());
            JsonNode t = change.path("table");
            List<String> pk = new ArrayList<>();
            t.path("primaryKeyColumnNames").forEach(n -> pk.add(n.asText()));
            List<ColumnDef> columns = new ArrayList<>();
            t.path("columns").forEach(c -> columns.add(column(c)));
            events.add(ChangeEvent.schemaChange(table, ddl, position, tsMs, pk, columns));
        }
        return events;
    }

    private static TableId spelledAs(TableId t, @Nullable TableId recordTable) {
        return recordTable != null
                        && recordTable.database().equalsIgnoreCase(t.database())
                        && recordTable.table().equalsIgnoreCase(t.table())
                ? recordTable
                : t;
    }

    private static ColumnDef column(JsonNode c) {
        String type = c.path("typeName").asText().toUpperCase(Locale.ROOT);
        List<String> members = null;
        if (type.equals("ENUM") || type.equals("SET")) {
            members = new ArrayList<>();
            for (JsonNode m : c.path("enumValues")) {
                members.add(unquoted(m.asText()));
            }
        }
        return new ColumnDef(
                c.path("name").asText(),
                type,
                intOrNull(c.get("length")),
                intOrNull(c.get("scale")),
                c.path("optional").asBoolean(true),
                members);
    }

    /** Members as data events list them: without the DDL's quotes, {@code ''} as {@code '}. */
    private static String unquoted(String member) {
        if (member.length() >= 2 && member.startsWith("'") && member.endsWith("'")) {
            return member.substring(1, member.length() - 1).replace("''", "'");
        }
        return member;
    }

    @Nullable
    private static Integer intOrNull(@Nullable JsonNode n) {
        return n == null || n.isNull() || !n.canConvertToInt() ? null : n.asInt();
    }

    /**
     * Debezium's table id text: {@code "db"."table"} with each part in double quotes (a quote in a
     * name is doubled).
     */
    static TableId tableId(String id) {
        List<String> parts = new ArrayList<>(2);
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < id.length(); i++) {
            char ch = id.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < id.length() && id.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        if (parts.size() != 2) {
            throw new IllegalArgumentException("unexpected Debezium table id " + id);
        }
        return TableId.of(parts.get(0), parts.get(1));
    }
}
