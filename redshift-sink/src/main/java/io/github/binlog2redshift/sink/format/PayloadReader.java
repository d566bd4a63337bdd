package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Reads a Debezium change event of the usual shape in one pass over its bytes, straight into a
 * {@link ChangeEvent}, without the JSON tree {@link DebeziumChangeParser} works on. Building that
 * tree and then walking it was most of the ingest thread in the sink catch-up benchmark.
 *
 * <p>It takes only what it can read exactly as the tree path reads it: every known field once, of
 * the type that path expects (text as text, integers that fit, arrays of text); values of the row
 * images in the model's exact form ({@link DebeziumJsonReader#value}). On anything else (a field
 * twice, an unexpected type, an event the model refuses, invalid JSON, trailing content) it returns
 * null and the caller parses the record as a tree, so what is accepted or rejected, and every
 * rejection's reason, stays the tree path's. Unknown fields are skipped, as the tree path ignores
 * them.
 */
final class PayloadReader {

    private PayloadReader() {}

    /**
     * The event of a record whose root object is the event itself (no Kafka Connect envelope); null
     * when the record is not of the usual shape, an envelope included.
     */
    @Nullable
    static ChangeEvent readRoot(byte[] value) {
        return read(value, 0, value.length, true);
    }

    /** The event of an envelope's payload object, {@code length} bytes from {@code offset}. */
    @Nullable
    static ChangeEvent readPayload(byte[] value, int offset, int length) {
        return read(value, offset, length, false);
    }

    @Nullable
    private static ChangeEvent read(byte[] value, int offset, int length, boolean root) {
        try (JsonParser p = JsonRows.MAPPER.createParser(value, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Event event = new Event();
            String name;
            while ((name = p.nextFieldName()) != null) {
                JsonToken token = p.nextToken();
                if (root && isOtherShape(name)) {
                    return null;
                }
                if (!event.field(name, token, p)) {
                    return null;
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                return null;
            }
            return event.build();
        } catch (IOException | RuntimeException e) {
            return null; // the tree path decides, and names the problem
        }
    }

    /**
     * A root field of a Kafka Connect envelope, or of a DMS or Canal record (which AUTO detects by
     * it): the tree path reads those, and stopping here spares reading them twice.
     */
    private static boolean isOtherShape(String name) {
        switch (name) {
            case "schema":
            case "payload":
            case "data":
            case "metadata":
            case "isDdl":
                return true;
            default:
                return false;
        }
    }

    /** The fields of one event as read; each known field may appear once. */
    private static final class Event {
        private final SeenFields seen = new SeenFields();
        private String op;
        private Map<String, Object> before;
        private Map<String, Object> after;
        private SourceFields source;
        private long tsMs;
        private List<String> primaryKey = List.of();
        private List<ColumnDef> columns = List.of();
        private String ddl;
        private boolean partialImage;

        /** Reads the value of {@code name}; false when the record is off the usual shape. */
        boolean field(String name, JsonToken token, JsonParser p) throws IOException {
            boolean isNull = token == JsonToken.VALUE_NULL;
            switch (name) {
                case "op":
                    op = RowValues.text(token, p);
                    return seen.first(1) && op != null;
                case "before":
                    before = row(token, p);
                    return seen.first(2) && (before != null || isNull);
                case "after":
                    after = row(token, p);
                    return seen.first(4) && (after != null || isNull);
                case "source":
                    source = token == JsonToken.START_OBJECT ? SourceFields.read(p) : null;
                    return seen.first(8) && source != null;
                case "ts_ms":
                    tsMs = RowValues.longOrZero(token, p);
                    return seen.first(16) && tsMs >= 0;
                case "pk":
                    primaryKey = isNull ? List.of() : RowValues.strings(token, p);
                    return seen.first(32) && primaryKey != null;
                case "columns":
                    columns = isNull ? List.of() : columns(token, p);
                    return seen.first(64) && columns != null;
                case "ddl":
                    ddl = RowValues.text(token, p);
                    return seen.first(128) && (ddl != null || isNull);
                case "partial_image":
                    partialImage = token == JsonToken.VALUE_TRUE;
                    return seen.first(256) && token.isBoolean();
                default:
                    p.skipChildren();
                    return true;
            }
        }

        @Nullable
        ChangeEvent build() {
            if (op == null || source == null || source.db() == null || source.table() == null) {
                return null;
            }
            return new ChangeEvent(
                    TableId.of(source.db(), source.table()),
                    Op.fromCode(op),
                    before,
                    after,
                    source.position(),
                    tsMs,
                    primaryKey,
                    columns,
                    ddl,
                    partialImage);
        }
    }

    /** A row image: an object whose values are taken in the model's exact form. */
    @Nullable
    private static Map<String, Object> row(JsonToken token, JsonParser p) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            row.put(name, RowValues.value(p.nextToken(), p));
        }
        return row;
    }

    /** This project's {@code columns} extension; null when it is off the usual shape. */
    @Nullable
    private static List<ColumnDef> columns(JsonToken token, JsonParser p) throws IOException {
        if (token != JsonToken.START_ARRAY) {
            return null;
        }
        List<ColumnDef> out = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
            ColumnDef column = RowValues.column(p);
            if (column == null) {
                return null;
            }
            out.add(column);
        }
        return t == JsonToken.END_ARRAY ? out : null;
    }
}
