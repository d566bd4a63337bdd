package io.github.binlog2redshift.verify.canon;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON compared as parsed values: object keys sorted, whitespace dropped, numbers kept exact (JSONB
 * reorders keys and removes whitespace; MariaDB keeps the text as written). Invalid JSON is kept as
 * text so it shows up as a difference rather than stopping the run.
 */
final class JsonCanonical {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build();

    private JsonCanonical() {}

    static String of(String text) {
        try {
            // as plain Maps, because key ordering applies to Maps, not to JsonNode trees
            Object value = MAPPER.readValue(text, Object.class);
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return text;
        }
    }
}
