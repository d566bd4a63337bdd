package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads Kafka Connect envelopes ({@code {"schema":...,"payload":...}}, what Connect's JsonConverter
 * writes with {@code schemas.enable=true}) without tokenizing the same schema again for every
 * record. A topic of one table carries the same schema bytes in every record until the table
 * changes, and skipping them through the parser was about a quarter of the ingest thread in the
 * sink catch-up benchmark.
 *
 * <p>Per topic it keeps the bytes from the start of the last fully parsed envelope up to its
 * payload value. A record that starts with exactly those bytes has a schema already checked to be
 * valid JSON, so only its payload is parsed; anything else, and any failure on that short path, is
 * parsed whole by {@link JsonRows#tree}, so what is accepted or rejected, and every rejection's
 * reason and message, stays what the whole parse gives. The tree is the same either way: an empty
 * object for the schema, then the payload.
 *
 * <p>Not thread-safe: one instance per subtask. At most {@link #MAX_TOPICS} prefixes are kept (the
 * least recently used is dropped), each the size of one schema.
 */
final class EnvelopePrefixes {

    static final int MAX_TOPICS = 1024;

    private long shortReads;

    private final Map<String, byte[]> prefixes =
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > MAX_TOPICS;
                }
            };

    /** The record's tree, as {@link JsonRows#tree} returns it. */
    JsonNode tree(String topic, byte[] value) {
        byte[] prefix = prefixes.get(topic);
        if (prefix != null && startsWith(value, prefix)) {
            JsonNode payload = payloadAfter(value, prefix.length);
            if (payload != null) {
                ObjectNode root = JsonRows.MAPPER.getNodeFactory().objectNode();
                root.set("schema", JsonRows.MAPPER.getNodeFactory().objectNode());
                root.set("payload", payload);
                shortReads++;
                return root;
            }
        }
        JsonNode root = JsonRows.tree(value);
        int payloadStart = payloadStart(value);
        if (payloadStart > 0) {
            prefixes.put(topic, Arrays.copyOf(value, payloadStart));
        } else {
            prefixes.remove(topic);
        }
        return root;
    }

    /**
     * Where the payload object starts when {@code value} begins with the schema bytes the topic's
     * last fully parsed envelope had, else -1. The payload then ends at {@link #payloadEnd}.
     */
    int knownPayloadStart(String topic, byte[] value) {
        byte[] prefix = prefixes.get(topic);
        return prefix != null && startsWith(value, prefix) ? prefix.length : -1;
    }

    /**
     * Where the payload starting at {@code start} ends (exclusive) when the record ends with it,
     * then only the root's closing brace and JSON whitespace; else -1.
     */
    static int payloadEnd(byte[] value, int start) {
        int end = value.length;
        while (end > start && isWhitespace(value[end - 1])) {
            end--;
        }
        return end <= start || value[end - 1] != '}' ? -1 : end - 1;
    }

    /** How many records were read from their payload on (for tests). */
    long shortReads() {
        return shortReads;
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length > prefix.length
                && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The payload object from {@code start} when the record ends with it, then only the root's
     * closing brace and JSON whitespace; else null.
     */
    private static JsonNode payloadAfter(byte[] value, int start) {
        int end = payloadEnd(value, start);
        if (end < 0) {
            return null;
        }
        // The payload is the one value between the prefix and the root's closing brace.
        try (JsonParser p = JsonRows.MAPPER.createParser(value, start, end - start)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode payload = JsonRows.readValue(p);
            return p.nextToken() == null ? payload : null;
        } catch (IOException | RuntimeException e) {
            return null; // the whole parse decides, and names the problem
        }
    }

    /**
     * Where the payload object starts in an envelope whose root holds {@code schema} (an object)
     * then {@code payload} (an object); -1 for any other layout. Only called after the whole record
     * parsed, so the walk cannot meet invalid JSON.
     */
    private static int payloadStart(byte[] value) {
        try (JsonParser p = JsonRows.MAPPER.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT
                    || p.nextToken() != JsonToken.FIELD_NAME
                    || !"schema".equals(p.currentName())
                    || p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            p.skipChildren();
            if (p.nextToken() != JsonToken.FIELD_NAME
                    || !"payload".equals(p.currentName())
                    || p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            long offset = p.currentTokenLocation().getByteOffset();
            return offset > 0 && offset < value.length && value[(int) offset] == '{'
                    ? (int) offset
                    : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** JSON's whitespace (RFC 8259, section 2). */
    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
