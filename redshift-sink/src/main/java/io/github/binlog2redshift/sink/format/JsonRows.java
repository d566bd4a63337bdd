package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON reading shared by the parsers: exact numbers (integers as {@link Long} or {@link
 * java.math.BigInteger}, other numbers as {@link java.math.BigDecimal}), the same value forms
 * {@link io.github.binlog2redshift.serde.DebeziumJsonReader} produces.
 */
final class JsonRows {

    static final ObjectMapper MAPPER =
            new ObjectMapper()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    // keeps 10.50 as 10.50 (the default factory strips trailing zeros)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /**
     * Reads field by field after the root: every value is read as a tree as usual, except the Kafka
     * Connect envelope's {@code schema}, which is skipped without building its nodes (no parser
     * reads it, and it is often the larger half of the record); an empty object stands in for it so
     * format detection still sees the envelope.
     */
    private static final ObjectReader FIELD =
            MAPPER.readerFor(JsonNode.class)
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRows() {}

    static JsonNode tree(byte[] bytes) {
        try (JsonParser p = MAPPER.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new RejectedRecordException(RejectReason.NOT_JSON, "empty value");
            }
            JsonNode root;
            if (first == JsonToken.START_OBJECT) {
                root = object(p);
            } else {
                root = FIELD.readValue(p);
            }
            if (p.nextToken() != null) {
                throw new RejectedRecordException(
                        RejectReason.NOT_JSON,
                        "not valid JSON at "
                                + p.currentTokenLocation().offsetDescription()
                                + ": trailing content after the value");
            }
            return root;
        } catch (JsonProcessingException e) {
            // The original message names the problem and location without quoting the value
            // (which may hold personal data and would end up in logs).
            throw new RejectedRecordException(
                    RejectReason.NOT_JSON,
                    "not valid JSON at "
                            + (e.getLocation() == null ? "?" : e.getLocation().offsetDescription())
                            + ": "
                            + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new RejectedRecordException(RejectReason.NOT_JSON, "not valid JSON", e);
        }
    }

    /** The value at the parser's current token as a tree, read as every field value is. */
    static JsonNode readValue(JsonParser p) throws IOException {
        return FIELD.readValue(p);
    }

    private static ObjectNode object(JsonParser p) throws IOException {
        ObjectNode root = MAPPER.getNodeFactory().objectNode();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("schema".equals(name) && value == JsonToken.START_OBJECT) {
                p.skipChildren();
                root.set(name, MAPPER.getNodeFactory().objectNode());
            } else {
                root.set(name, FIELD.<JsonNode>readValue(p));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new RejectedRecordException(
                    RejectReason.NOT_JSON, "not valid JSON: the root object is not closed");
        }
        return root;
    }

    static Map<String, Object> row(JsonNode node, String what) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isObject()) {
            throw new RejectedRecordException(
                    RejectReason.MALFORMED, what + " is not a JSON object");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            row.put(f.getKey(), DebeziumJsonReader.value(f.getValue()));
        }
        return row;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
