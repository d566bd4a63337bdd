package io.github.binlog2redshift.source.debezium;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
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
 */
final class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DeadLetters() {}

    static SourceChange unkeyed(ChangeEvent event, byte[] eventJson, String reason) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reason", reason);
        root.put("db", event.table().database());
        root.put("table", event.table().table());
        try {
            root.set("event", MAPPER.readTree(eventJson));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(event.table().database(), event.table().table(), event.op(), root, reason);
    }

    static SourceChange unconvertible(SourceRecord record, RuntimeException e) {
        String db = "unknown";
        String table = "unknown";
        if (record.value() instanceof Struct) {
            Struct value = (Struct) record.value();
            if (value.schema().field("source") != null) {
                Struct source = value.getStruct("source");
                db = String.valueOf(source.get("db"));
                table = String.valueOf(source.get("table"));
            }
        }
        String reason = "cannot convert the change: " + e;
        LOG.warn("Dead letter for table {}.{}: {}", db, table, reason, e);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("reason", reason);
        root.put("db", db);
        root.put("table", table);
        root.put("record", String.valueOf(record));
        return of(db, table, null, root, reason);
    }

    private static SourceChange of(
            String db, String table, @Nullable Op op, ObjectNode root, String reason) {
        byte[] key = (db + "." + table).getBytes(StandardCharsets.UTF_8);
        byte[] value;
        try {
            value = MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SourceChange(db, table, op, key, value, reason, 0, 0, 0);
    }
}
