package io.github.binlog2redshift.sink.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.config.sink.InputFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record whose schema bytes its topic's last envelope had is read from its payload on: the same
 * tree and event as the whole parse, and every record the whole parse rejects is still rejected
 * with the same reason and message.
 */
class EnvelopePrefixesTest {

    private static final String SCHEMA =
            "{\"type\":\"struct\",\"fields\":[{\"type\":\"int64\",\"field\":\"id\"}],"
                    + "\"name\":\"d.t.Envelope\"}";

    private static String payload(long id, String op) {
        return "{\"op\":\""
                + op
                + "\",\"source\":{\"db\":\"d\",\"table\":\"t\",\"file\":\"bin.000001\",\"pos\":"
                + (100 + id)
                + "},\"before\":{\"id\":"
                + id
                + "},\"after\":"
                + ("d".equals(op)
                        ? "null"
                        : "{\"id\":"
                                + id
                                + ",\"n\":12345678901234567890123,\"x\":1.50,\"s\":\"a}\\\"b\"}")
                + "}";
    }

    private static byte[] envelope(String schema, String payload, String tail) {
        return ("{\"schema\":" + schema + ",\"payload\":" + payload + tail)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsLaterRecordsOfATopicFromThePayloadWithTheSameTree() {
        EnvelopePrefixes prefixes = new EnvelopePrefixes();
        for (int id = 1; id <= 3; id++) {
            byte[] value = envelope(SCHEMA, payload(id, "u"), "}");
            JsonNode tree = prefixes.tree("topic", value);
            assertThat(tree).isEqualTo(JsonRows.tree(value));
            assertThat(tree.fieldNames()).toIterable().containsExactly("schema", "payload");
        }
        assertThat(prefixes.shortReads()).isEqualTo(2);
    }

    @Test
    void decodesTheSameEventsWithAndWithoutTheTopic() {
        ChangeDecoder cached = new ChangeDecoder(InputFormat.AUTO);
        ChangeDecoder plain = new ChangeDecoder(InputFormat.AUTO);
        for (int id = 1; id <= 3; id++) {
            byte[] value = envelope(SCHEMA, payload(id, id == 3 ? "d" : "u"), " }\n");
            assertThat(cached.decode("topic", null, value)).isEqualTo(plain.decode(null, value));
        }
    }

    @Test
    void aChangedSchemaIsParsedWholeAndRemembered() {
        EnvelopePrefixes prefixes = new EnvelopePrefixes();
        prefixes.tree("topic", envelope(SCHEMA, payload(1, "u"), "}"));
        String changed =
                SCHEMA.replace("\"id\"}]", "\"id\"},{\"type\":\"string\",\"field\":\"s\"}]");
        byte[] value = envelope(changed, payload(2, "u"), "}");
        assertThat(prefixes.tree("topic", value)).isEqualTo(JsonRows.tree(value));
        assertThat(prefixes.shortReads()).isZero();
        prefixes.tree("topic", envelope(changed, payload(3, "u"), "}"));
        assertThat(prefixes.shortReads()).isEqualTo(1);
    }

    @Test
    void prefixesAreKeptPerTopic() {
        EnvelopePrefixes prefixes = new EnvelopePrefixes();
        prefixes.tree("a", envelope(SCHEMA, payload(1, "u"), "}"));
        prefixes.tree("b", envelope(SCHEMA, payload(2, "u"), "}"));
        assertThat(prefixes.shortReads()).isZero();
        prefixes.tree("a", envelope(SCHEMA, payload(3, "u"), "}"));
        assertThat(prefixes.shortReads()).isEqualTo(1);
    }

    @Test
    void recordsWithoutTheEnvelopeAreNotRemembered() {
        EnvelopePrefixes prefixes = new EnvelopePrefixes();
        byte[] bare = payload(1, "u").getBytes(StandardCharsets.UTF_8);
        prefixes.tree("topic", bare);
        prefixes.tree("topic", bare);
        byte[] payloadFirst =
                ("{\"payload\":" + payload(1, "u") + ",\"schema\":" + SCHEMA + "}")
                        .getBytes(StandardCharsets.UTF_8);
        prefixes.tree("topic", payloadFirst);
        assertThat(prefixes.tree("topic", payloadFirst)).isEqualTo(JsonRows.tree(payloadFirst));
        assertThat(prefixes.shortReads()).isZero();
    }

    /**
     * After a good record of the topic, broken ones with the same schema bytes: each is rejected
     * exactly as the whole parse rejects it (the short path gives up and the whole parse decides).
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "PAYLOAD",
                "PAYLOAD} {}",
                "PAYLOAD}}",
                "{\"op\":\"u\",}}",
                "[1]}",
                "{\"op\":\"u\"} x}",
                "}"
            })
    void brokenRecordsAreRejectedAsTheWholeParseRejectsThem(String rest) {
        ChangeDecoder cached = new ChangeDecoder(InputFormat.AUTO);
        ChangeDecoder plain = new ChangeDecoder(InputFormat.AUTO);
        cached.decode("topic", null, envelope(SCHEMA, payload(1, "u"), "}"));
        byte[] value =
                ("{\"schema\":"
                                + SCHEMA
                                + ",\"payload\":"
                                + rest.replace("PAYLOAD", payload(2, "u")))
                        .getBytes(StandardCharsets.UTF_8);
        Throwable expected = catchRejection(() -> plain.decode(null, value));
        assertThat(expected).isNotNull();
        assertThatThrownBy(() -> cached.decode("topic", null, value))
                .isInstanceOfSatisfying(
                        RejectedRecordException.class,
                        e -> {
                            assertThat(e.reason())
                                    .isEqualTo(((RejectedRecordException) expected).reason());
                            assertThat(e.getMessage()).isEqualTo(expected.getMessage());
                        });
    }

    @Test
    void anExtraFieldAfterThePayloadIsReadByTheWholeParse() {
        EnvelopePrefixes prefixes = new EnvelopePrefixes();
        prefixes.tree("topic", envelope(SCHEMA, payload(1, "u"), "}"));
        byte[] value = envelope(SCHEMA, payload(2, "u"), ",\"extra\":[1]}");
        assertThat(prefixes.tree("topic", value)).isEqualTo(JsonRows.tree(value));
        assertThat(prefixes.shortReads()).isZero();
    }

    private static Throwable catchRejection(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RejectedRecordException e) {
            return e;
        }
    }

    @Test
    void keepsAtMostMaxTopics() {
        EnvelopePrefixes prefixes = new EnvelopePrefixes();
        for (int t = 0; t <= EnvelopePrefixes.MAX_TOPICS; t++) {
            prefixes.tree("t" + t, envelope(SCHEMA, payload(t, "u"), "}"));
        }
        prefixes.tree("t0", envelope(SCHEMA, payload(1, "u"), "}"));
        assertThat(prefixes.shortReads()).isZero();
        prefixes.tree("t" + EnvelopePrefixes.MAX_TOPICS, envelope(SCHEMA, payload(2, "u"), "}"));
        assertThat(prefixes.shortReads()).isEqualTo(1);
    }
}
