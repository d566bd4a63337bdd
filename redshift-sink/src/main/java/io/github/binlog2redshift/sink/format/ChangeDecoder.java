package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.io.Serializable;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Decodes a Kafka record value of the configured {@link InputFormat} into change events, detecting
 * the format per record for {@link InputFormat#AUTO}. Every bad input surfaces as a {@link
 * RejectedRecordException} carrying a {@link RejectReason}; tombstones are the caller's business.
 */
public final class ChangeDecoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final InputFormat format;
    private transient EnvelopePrefixes prefixes;

    public ChangeDecoder(InputFormat format) {
        this.format = Objects.requireNonNull(format, "input format");
    }

    public ParsedRecord decode(byte[] key, byte[] value) {
        ChangeEvent event = readsDebezium() ? PayloadReader.readRoot(value) : null;
        return event != null
                ? DebeziumChangeParser.withKey(event, key)
                : decodeTree(JsonRows.tree(value), key);
    }

    /**
     * As {@link #decode(byte[], byte[])}, for a record of {@code topic}: a Kafka Connect envelope
     * whose schema is the one the topic's last envelope had is read from its payload on (see {@link
     * EnvelopePrefixes}), with the same result. Not thread-safe.
     */
    public ParsedRecord decode(String topic, byte[] key, byte[] value) {
        if (prefixes == null) {
            prefixes = new EnvelopePrefixes();
        }
        ChangeEvent event = readsDebezium() ? quickRead(topic, value) : null;
        return event != null
                ? DebeziumChangeParser.withKey(event, key)
                : decodeTree(prefixes.tree(topic, value), key);
    }

    private boolean readsDebezium() {
        return format == InputFormat.DEBEZIUM || format == InputFormat.AUTO;
    }

    /**
     * A Debezium event read in one pass ({@link PayloadReader}): from its payload on when the
     * topic's schema bytes are known, else from its root when it has no envelope. Null: the record
     * is read as a tree, which decides what it is (the first envelope of a topic always is).
     */
    @Nullable
    private ChangeEvent quickRead(String topic, byte[] value) {
        int start = prefixes.knownPayloadStart(topic, value);
        if (start < 0) {
            return PayloadReader.readRoot(value);
        }
        int end = EnvelopePrefixes.payloadEnd(value, start);
        return end < 0 ? null : PayloadReader.readPayload(value, start, end - start);
    }

    /**
     * The tree path: every record the one-pass reader hands back, and the reference {@code
     * PayloadReaderTest} compares that reader with (hence package-private).
     */
    ParsedRecord decodeTree(JsonNode root, byte[] key) {
        if (!root.isObject()) {
            throw new RejectedRecordException(
                    RejectReason.UNRECOGNIZED_FORMAT, "the value is JSON but not an object");
        }
        InputFormat actual = format == InputFormat.AUTO ? detect(root) : format;
        return parser(actual).parse(root, key);
    }

    /** The parser of one concrete format; AUTO is resolved per record by {@link #detect}. */
    static ChangeParser parser(InputFormat format) {
        switch (format) {
            case DEBEZIUM:
                return DebeziumChangeParser.INSTANCE;
            case DMS:
                return DmsChangeParser.INSTANCE;
            case CANAL:
                return CanalChangeParser.INSTANCE;
            case AUTO:
                throw new IllegalStateException("detect() never returns AUTO");
            default:
                throw new IllegalStateException("no parser for input format " + format);
        }
    }

    /** The format of one JSON object, by the fields only that format has. */
    static InputFormat detect(JsonNode root) {
        if (root.has("op") || (root.has("schema") && root.has("payload"))) {
            return InputFormat.DEBEZIUM;
        }
        if (root.path("metadata").has("record-type")) {
            return InputFormat.DMS;
        }
        if (root.path("data").isArray() || root.has("isDdl")) {
            return InputFormat.CANAL;
        }
        if (root.has("before") || root.has("after") || root.has("source")) {
            // A Debezium envelope without op: let the Debezium parser name what is missing.
            return InputFormat.DEBEZIUM;
        }
        throw new RejectedRecordException(
                RejectReason.UNRECOGNIZED_FORMAT,
                "neither Debezium (op), DMS (metadata.record-type) nor Canal (data[], isDdl)");
    }
}
