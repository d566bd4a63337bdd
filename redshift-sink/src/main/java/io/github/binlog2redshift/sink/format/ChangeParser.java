package io.github.binlog2redshift.sink.format;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns one parsed JSON value of one input format into change events. Throws {@link
 * RejectedRecordException} for anything that is not a consistent change, never anything else on bad
 * input.
 */
interface ChangeParser {

    /**
     * @param root the record value, a JSON object
     * @param key the Kafka record key, may be null (some formats take key columns from it)
     */
    ParsedRecord parse(JsonNode root, byte[] key);
}
