package io.github.binlog2redshift.sink.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A dead letter always fits the dead-letter producer: whole when it can, else a pointer to the
 * original record and a prefix of its value.
 */
class DeadLetterJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DeadLetter letter(byte[] key, byte[] value) {
        return new DeadLetter(
                RejectReason.NOT_JSON,
                "not JSON",
                new KafkaRecord("cdc", 3, 77, 1L, key, value),
                2L);
    }

    @Test
    void aLetterThatFitsIsWhole() throws Exception {
        byte[] value = "not json {".getBytes(StandardCharsets.UTF_8);
        JsonNode n = JSON.readTree(letter("k".getBytes(), value).toJson(1000));
        assertThat(n.path("value_base64").asText())
                .isEqualTo(Base64.getEncoder().encodeToString(value));
        assertThat(n.has("cut")).isFalse();
        assertThat(n.path("key").asText()).isEqualTo("k");
    }

    @Test
    void aValueTooLargeForTheProducerIsCutToAPrefixBesideThePointer() throws Exception {
        byte[] value = new byte[900_000];
        Arrays.fill(value, (byte) 'v');
        ProducerRecord<byte[], byte[]> r =
                DeadLetterSinks.record("dlq", letter("k".getBytes(), value), 1024 * 1024);

        assertThat(r.key()).isEqualTo("k".getBytes());
        assertThat(r.key().length + r.value().length + DeadLetterSinks.FRAMING_BYTES)
                .isLessThanOrEqualTo(1024 * 1024);
        JsonNode n = JSON.readTree(r.value());
        assertThat(n.path("cut").asBoolean()).isTrue();
        assertThat(n.has("value_base64")).isFalse();
        assertThat(n.path("value_bytes").asInt()).isEqualTo(900_000);
        byte[] prefix = Base64.getDecoder().decode(n.path("value_prefix_base64").asText());
        assertThat(prefix.length).isGreaterThan(700_000);
        assertThat(prefix).isEqualTo(Arrays.copyOf(value, prefix.length));
        assertThat(n.path("topic").asText()).isEqualTo("cdc");
        assertThat(n.path("partition").asInt()).isEqualTo(3);
        assertThat(n.path("offset").asLong()).isEqualTo(77);
        assertThat(n.path("reason").asText()).isEqualTo("not_json");
        assertThat(n.path("key").asText()).isEqualTo("k");
    }

    @Test
    void aHugeKeyGivesWayToo() throws Exception {
        byte[] key = new byte[600_000];
        ProducerRecord<byte[], byte[]> r =
                DeadLetterSinks.record("dlq", letter(key, new byte[10]), 1024 * 1024);
        assertThat(r.key()).isNull();
        JsonNode n = JSON.readTree(r.value());
        assertThat(r.value().length).isLessThanOrEqualTo(1024 * 1024);
        assertThat(n.path("value_base64").asText()).isNotEmpty();

        byte[] tiny = letter(key, new byte[10]).toJson(4096);
        JsonNode cut = JSON.readTree(tiny);
        assertThat(tiny.length).isLessThanOrEqualTo(4096);
        assertThat(cut.has("key_base64")).isFalse();
        assertThat(cut.path("key_bytes").asInt()).isEqualTo(600_000);
    }

    @Test
    void theProducerIsSizedExplicitly() {
        DeadLetterOptions defaults = DeadLetterOptions.topic("k:9092", "dlq");
        assertThat(DeadLetterSinks.producerProperties(defaults))
                .containsEntry("max.request.size", "1048576");
        assertThat(DeadLetterSinks.maxRequestSize(defaults)).isEqualTo(1048576);
    }
}
