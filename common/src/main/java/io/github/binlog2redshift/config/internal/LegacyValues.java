package io.github.binlog2redshift.config.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Value syntaxes of the reference implementation that both jobs' legacy tables translate. */
public final class LegacyValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LegacyValues() {}

    /**
     * Client properties written as a JSON object ({@code {"security.protocol": "SASL_SSL"}}) or as
     * {@code k=v,k2=v2}, as prefixed keys {@code <prefix>.<k>}.
     */
    public static Map<String, String> clientProperties(String prefix, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.startsWith("{")) {
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(
                        "not a valid JSON object: " + e.getOriginalMessage());
            }
            node.fields()
                    .forEachRemaining(
                            e -> {
                                if (!e.getValue().isValueNode()) {
                                    throw new IllegalArgumentException(
                                            "property '" + e.getKey() + "' is not a string");
                                }
                                out.put(prefix + "." + e.getKey(), e.getValue().asText());
                            });
            return out;
        }
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("entry is not k=v (or use a JSON object)");
            }
            out.put(prefix + "." + entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return out;
    }

    /**
     * A checkpoint interval. A bare number is refused: the reference's unit is not ours (we read
     * bare numbers as milliseconds) and guessing wrong is a 1000x error in commit latency.
     */
    public static String durationWithUnit(String text) {
        if (text.matches("\\d+")) {
            throw new IllegalArgumentException(
                    "a bare number has no unit; write e.g. '30 s' or '30000 ms'");
        }
        DurationText.parse(text);
        return text;
    }
}
