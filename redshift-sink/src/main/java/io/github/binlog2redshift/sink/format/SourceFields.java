package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import java.io.IOException;
import javax.annotation.Nullable;

/**
 * The {@code source} block of a Debezium event as {@link PayloadReader} reads it: the fields the
 * position is made of, each once, of the type the tree path reads exactly; other fields skipped.
 */
final class SourceFields {

    private final SeenFields seen = new SeenFields();
    private String db;
    private String table;
    private long serverId;
    private String gtid;
    private boolean snapshot;
    private long tsMs;
    private String file;
    private long pos;
    private long row;
    private long epoch;

    @Nullable
    static SourceFields read(JsonParser p) throws IOException {
        SourceFields s = new SourceFields();
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken token = p.nextToken();
            if (!s.field(name, token, p)) {
                return null;
            }
        }
        return s;
    }

    private boolean field(String name, JsonToken token, JsonParser p) throws IOException {
        boolean isNull = token == JsonToken.VALUE_NULL;
        switch (name) {
            case "db":
                db = RowValues.text(token, p);
                return seen.first(1) && (db != null || isNull);
            case "table":
                table = RowValues.text(token, p);
                return seen.first(2) && (table != null || isNull);
            case "gtid":
                gtid = RowValues.text(token, p);
                return seen.first(4) && (gtid != null || isNull);
            case "file":
                file = RowValues.text(token, p);
                return seen.first(8) && (file != null || isNull);
            case "snapshot":
                // The tree path: a boolean as it is; text other than "false" is true.
                boolean text = token == JsonToken.VALUE_STRING;
                snapshot = text ? !"false".equals(p.getText()) : token == JsonToken.VALUE_TRUE;
                return seen.first(16) && (text || token.isBoolean() || isNull);
            case "server_id":
                serverId = RowValues.longOrZero(token, p);
                return seen.first(32) && serverId >= 0;
            case "ts_ms":
                tsMs = RowValues.longOrZero(token, p);
                return seen.first(64) && tsMs >= 0;
            case "pos":
                pos = RowValues.longOrZero(token, p);
                return seen.first(128) && pos >= 0;
            case "row":
                row = RowValues.intOrZero(token, p);
                return seen.first(256) && row >= 0;
            case "position_epoch":
                epoch = RowValues.intOrZero(token, p);
                return seen.first(512) && epoch >= 0;
            default:
                p.skipChildren();
                return true;
        }
    }

    @Nullable
    String db() {
        return db;
    }

    @Nullable
    String table() {
        return table;
    }

    SourcePosition position() {
        return DebeziumJsonReader.position(
                serverId, gtid, snapshot, tsMs, file, pos, (int) row, (int) epoch);
    }
}
