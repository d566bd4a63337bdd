package io.github.binlog2redshift.source.debezium;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.source.SourceChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.annotation.Nullable;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letter records: {@code {"reason": "...", "db": "...", "table": "...", "event": {...}}} with
 * the change event JSON when it could be built, else {@code "record"}: Debezium's text of the
 * source record. Keyed {@code db.table} so one table's dead letters stay in order.
 *
 * <p>A dead letter must itself fit the producer's limit ({@link EventSizeLimit}), or it would stop
 * the job as the change it reports would have: an {@code event} or {@code record} too long for it
 * is replaced by {@code event_prefix} / {@code record_prefix} (its first characters) and {@code
 * event_bytes} / {@code record_bytes} (its whole length). A change too large for Kafka becomes a
 * pointer to the row without its body ({@link #oversize}).
 */
final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetters() {}

    static SourceChange unkeyed(
            ChangeEvent event, byte[] eventJson, String reason, EventSizeLimit limit) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reason", reason);
        root.put("db", event.table().database());
        root.put("table", event.table().table());
        if (limit.fits(0, eventJson.length)) {
            try {
                root.set("event", MAPPER.readTree(eventJson));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else {
            root.set("source", source(event.source()));
            prefix(root, "event", new String(eventJson, StandardCharsets.UTF_8), limit);
        }
        return of(event.table().database(), event.table().table(), event.op(), root, reason, limit);
    }

    static SourceChange unconvertible(
            SourceRecord record, RuntimeException e, EventSizeLimit limit) {
        String db = "unknown";
        String table = "unknown";
        Struct source = null;
        if (record.value() instanceof Struct) {
            Struct value = (Struct) record.value();
            if (value.schema().field("source") != null) {
                source = value.getStruct("source");
                db = String.valueOf(source.get("db"));
                table = String.valueOf(source.get("table"));
            }
        }
        // Our own refusals say everything; anything else is named by its class too.
        String reason =
                "cannot convert the change: "
                        + (e instanceof UnreadableValueException ? e.getMessage() : e.toString());
        LOG.warn("Dead letter for table {}.{}: {}", db, table, reason, e);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reason", reason);
        root.put("db", db);
        root.put("table", table);
        if (source != null) {
            root.set("source", source(SourcePositions.of(source, false)));
        }
        String text = String.valueOf(record);
        if (limit.fits(0, text.length() * 3L)) {
            root.put("record", text);
        } else {
            prefix(root, "record", text, limit);
        }
        return of(db, table, null, root, reason, limit);
    }

    /**
     * A change whose event is larger than Kafka takes: where the row is (table, key, binlog
     * position) and how large its event was, never its body.
     */
    static SourceChange oversize(
            ChangeEvent event, byte[] key, int eventBytes, EventSizeLimit limit) {
        String reason =
                "oversize_event: the change event is "
                        + eventBytes
                        + " bytes, more than "
                        + limit
                        + "; the row is not in the topic, read it at the source";
        String keyText = new String(key, StandardCharsets.UTF_8);
        LOG.warn(
                "Dead letter for table {} key {} at {}: {}",
                event.table(),
                keyText,
                event.source(),
                reason);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reason", reason);
        root.put("db", event.table().database());
        root.put("table", event.table().table());
        root.put("op", event.op().code());
        root.put("key", keyText);
        root.set("source", source(event.source()));
        root.put("event_bytes", eventBytes);
        SourcePosition p = event.source();
        return new SourceChange(
                event.table().database(),
                event.table().table(),
                event.op(),
                bytes(event.table().database(), event.table().table()),
                json(root),
                reason,
                p.fileSequence(),
                p.position(),
                p.timestampMs());
    }

    private static ObjectNode source(SourcePosition p) {
        ObjectNode s = MAPPER.createObjectNode();
        s.put("file", p.file());
        s.put("pos", p.position());
        s.put("row", p.row());
        s.put("server_id", p.serverId());
        s.put("gtid", p.gtid());
        s.put("snapshot", p.snapshot());
        s.put("ts_ms", p.timestampMs());
        return s;
    }

    /**
     * {@code <field>_prefix}: as many leading characters of {@code text} as surely fit (a character
     * can take up to six bytes as JSON), and {@code <field>_bytes}: its UTF-8 length.
     */
    private static void prefix(ObjectNode root, String field, String text, EventSizeLimit limit) {
        int room = Math.max(0, (limit.maxValueBytes(0) - json(root).length - 256) / 6);
        int end = Math.min(text.length(), room);
        if (end > 0 && end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        root.put(field + "_prefix", text.substring(0, end));
        root.put(field + "_bytes", text.getBytes(StandardCharsets.UTF_8).length);
    }

    private static SourceChange of(
            String db,
            String table,
            @Nullable Op op,
            ObjectNode root,
            String reason,
            EventSizeLimit limit) {
        byte[] key = bytes(db, table);
        byte[] value = json(root);
        if (!limit.fits(key.length, value.length)) {
            // Only a reason or names of absurd length get here; keep what says where it was.
            root.put("reason", reason.substring(0, Math.min(reason.length(), 1000)));
            root.remove("event");
            root.remove("record");
            value = json(root);
        }
        return new SourceChange(db, table, op, key, value, reason, 0, 0, 0);
    }

    private static byte[] bytes(String db, String table) {
        return (db + "." + table).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(ObjectNode root) {
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
