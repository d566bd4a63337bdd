package io.github.binlog2redshift.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.source.SourceChange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Changes and dead letters never pass the producer's limit: past it, a pointer and a prefix. */
class OversizeDeadLetterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TableId DOCS = TableId.of("shop", "docs");
    private static final SourcePosition AT =
            SourcePosition.binlog(7, "mysql-bin.000003", 1234, 2, null, false, 1_700_000_000_000L);
    private static final EventSizeLimit LIMIT = EventSizeLimit.of(4096);

    private static ChangeEvent update(String body) {
        return ChangeEvent.update(
                DOCS,
                Map.of("id", 42L, "body", "old"),
                Map.of("id", 42L, "body", body),
                AT,
                1L,
                List.of("id"),
                List.of());
    }

    @Test
    void aChangeThatFitsIsSentAsItIs() {
        SourceChange c = ChangeEventDeserializer.toSourceChange(update("x".repeat(100)), LIMIT);
        assertThat(c.isDeadLetter()).isFalse();
    }

    @Test
    void aChangeTooLargeForKafkaBecomesAPointerToTheRowWithoutItsBody() throws Exception {
        SourceChange c = ChangeEventDeserializer.toSourceChange(update("x".repeat(10_000)), LIMIT);

        assertThat(c.isDeadLetter()).isTrue();
        assertThat(LIMIT.fits(c.key().length, c.value().length)).isTrue();
        assertThat(new String(c.key(), StandardCharsets.UTF_8)).isEqualTo("shop.docs");
        assertThat(c.binlogPosition()).isEqualTo(1234);
        JsonNode letter = JSON.readTree(c.value());
        assertThat(letter.path("reason").asText())
                .startsWith("oversize_event: the change event is ")
                .contains("more than the producer's max.request.size of 4096 bytes")
                .contains("kafka.properties.max.request.size");
        assertThat(letter.path("db").asText()).isEqualTo("shop");
        assertThat(letter.path("table").asText()).isEqualTo("docs");
        assertThat(letter.path("op").asText()).isEqualTo("u");
        assertThat(letter.path("key").asText()).isEqualTo("shop.docs.42");
        assertThat(letter.path("source").path("file").asText()).isEqualTo("mysql-bin.000003");
        assertThat(letter.path("source").path("pos").asLong()).isEqualTo(1234);
        assertThat(letter.path("source").path("row").asInt()).isEqualTo(2);
        assertThat(letter.path("event_bytes").asInt()).isGreaterThan(10_000);
        assertThat(letter.toString()).doesNotContain("xxxxxxxxxx");
    }

    @Test
    void anUnkeyedChangeTooLargeKeepsAPrefixOfItsEvent() throws Exception {
        Map<String, Object> row = Map.of("id", 1L, "body", "y".repeat(10_000));
        ChangeEvent event = ChangeEvent.insert(DOCS, row, AT, 1L, List.of("sku"), List.of());
        SourceChange c = ChangeEventDeserializer.toSourceChange(event, LIMIT);

        assertThat(c.isDeadLetter()).isTrue();
        assertThat(LIMIT.fits(c.key().length, c.value().length)).isTrue();
        JsonNode letter = JSON.readTree(c.value());
        assertThat(letter.path("reason").asText()).contains("key column 'sku'");
        assertThat(letter.has("event")).isFalse();
        assertThat(letter.path("event_prefix").asText()).startsWith("{\"before\":null");
        assertThat(letter.path("event_bytes").asInt()).isGreaterThan(10_000);
        assertThat(letter.path("source").path("pos").asLong()).isEqualTo(1234);
    }

    @Test
    void theLimitCountsKafkasFraming() {
        assertThat(LIMIT.fits(100, 4096 - 100 - EventSizeLimit.FRAMING_BYTES)).isTrue();
        assertThat(LIMIT.fits(100, 4096 - 99 - EventSizeLimit.FRAMING_BYTES)).isFalse();
    }
}
