package io.github.binlog2redshift.sink.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.sink.Fixtures;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.DeadLetter;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.route.ChangeRetention;
import io.github.binlog2redshift.sink.route.RouteRule;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import io.github.binlog2redshift.sink.route.RowKeys;
import io.github.binlog2redshift.sink.route.TableRouter;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParseRouteFunctionTest {

    private OneInputStreamOperatorTestHarness<KafkaRecord, RoutedChange> harness;
    private long offset;

    @BeforeEach
    void open() throws Exception {
        open(true);
    }

    private void open(boolean deadLetters) throws Exception {
        RoutingOptions routing =
                new RoutingOptions(
                        null,
                        TargetNaming.SCHEMA_PER_DATABASE,
                        List.of(),
                        List.of(Pattern.compile("shop\\.audit")),
                        List.of(RouteRule.of("test_db", "product", null, "pid")));
        SerializerConfigImpl config = new SerializerConfigImpl();
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new ParseRouteFunction(
                                        new ChangeDecoder(InputFormat.AUTO),
                                        new TableRouter(routing),
                                        deadLetters)),
                        KafkaRecord.typeInfo().createSerializer(config));
        harness.setup(RoutedChange.typeInfo().createSerializer(config));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(byte[] key, byte[] value) throws Exception {
        harness.processElement(
                new StreamRecord<>(new KafkaRecord("in", 3, offset++, 5L, key, value)));
    }

    private List<DeadLetter> deadLetters() {
        var queue = harness.getSideOutput(ParseRouteFunction.DEAD_LETTERS);
        return queue == null ? List.of() : queue.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void withoutDeadLetterSinksABadRecordFailsTheJobNamingIt() throws Exception {
        harness.close();
        open(false);
        assertThatThrownBy(() -> send(null, Fixtures.bytes("bad/no-op.json")))
                .hasMessageContaining("in-3@0")
                .hasMessageContaining("missing_op")
                .hasMessageContaining("no dead-letter topic or path");
    }

    @Test
    void routesAndKeysGoodRecordsWithTheirCoordinates() throws Exception {
        send("k".getBytes(), Fixtures.bytes("debezium/ours-update.json"));
        RoutedChange c = harness.extractOutputValues().get(0);
        assertThat(c.target()).isEqualTo(new TargetTable("shop", "orders"));
        assertThat(c.key()).isEqualTo("r|shop.orders.1");
        assertThat(c.partition()).isEqualTo(3);
        assertThat(c.offset()).isZero();
    }

    /** A change of {@code shop.log}, which has no key, as cdc-source writes it. */
    private static byte[] keyless(String op, String before, String after) {
        return ("{\"before\": "
                        + before
                        + ", \"after\": "
                        + after
                        + ", \"source\": {\"ts_ms\": 1700000000000, \"db\": \"shop\","
                        + " \"table\": \"log\", \"file\": \"mysql-bin.000003\", \"pos\": 99,"
                        + " \"row\": 0}, \"op\": \""
                        + op
                        + "\", \"ts_ms\": 1700000000123, \"pk\": [], \"columns\": ["
                        + "{\"name\": \"a\", \"type\": \"INT\", \"nullable\": true},"
                        + " {\"name\": \"b\", \"type\": \"VARCHAR\", \"length\": 5,"
                        + " \"nullable\": true}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aMirroredKeylessTableHasOneKeyAndNeedsFullBeforeImagesOfUpdates() throws Exception {
        send("shop.log".getBytes(), keyless("c", "null", "{\"a\": 1, \"b\": \"x\"}"));
        send("shop.log".getBytes(), keyless("d", "{\"a\": 2, \"b\": \"y\"}", "null"));
        send(
                "shop.log".getBytes(),
                keyless("u", "{\"a\": 1, \"b\": \"x\"}", "{\"a\": 1, \"b\": \"z\"}"));
        TargetTable log = new TargetTable("shop", "log");
        assertThat(harness.extractOutputValues())
                .extracting(RoutedChange::key)
                .as("rows and DDL of the table meet on one subtask")
                .containsOnly(RowKeys.keylessTable(log), RowKeys.schemaChange(log));
        assertThat(harness.extractOutputValues())
                .extracting(RoutedChange::retention)
                .containsOnly(ChangeRetention.EVERY);

        send(null, keyless("u", "null", "{\"a\": 1, \"b\": \"z\"}"));
        send(null, keyless("u", "{\"a\": 1}", "{\"a\": 1, \"b\": \"z\"}"));
        assertThat(harness.extractOutputValues()).hasSize(3);
        assertThat(deadLetters())
                .extracting(DeadLetter::reason)
                .containsExactly(RejectReason.MISSING_IMAGE, RejectReason.MISSING_IMAGE);
        assertThat(deadLetters().get(0).detail())
                .contains("no before image", "shop.log", "keyless=append");
        assertThat(deadLetters().get(1).detail()).contains("a partial before image");
    }

    /**
     * A partial image (binlog_row_image MINIMAL) of a table without a key cannot be completed by
     * key: an INSERT whose omitted column took its DEFAULT is refused, never staged with a NULL.
     */
    @Test
    void aPartialInsertIntoAKeylessTableIsADeadLetter() throws Exception {
        byte[] partial =
                new String(
                                keyless("c", "null", "{\"a\": 1}"),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"pk\": []", "\"partial_image\": true, \"pk\": []")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        send("shop.log".getBytes(), partial);
        send("shop.log".getBytes(), keyless("c", "null", "{\"a\": 1, \"b\": null}"));
        assertThat(harness.extractOutputValues())
                .filteredOn(c -> c.event().after() != null)
                .extracting(c -> c.event().after())
                .as("the full insert only")
                .containsExactly(afterAB());
        assertThat(deadLetters())
                .extracting(DeadLetter::reason)
                .containsExactly(RejectReason.MISSING_IMAGE);
        assertThat(deadLetters().get(0).detail()).contains("lacks columns [b]", "no key");
    }

    private static java.util.Map<String, Object> afterAB() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", 1L);
        m.put("b", null);
        return m;
    }

    @Test
    void aKeylessChangeLogIsKeyedByRowImageAndTakesUpdatesWithoutBeforeImages() throws Exception {
        harness.close();
        RoutingOptions routing =
                new RoutingOptions(
                        null,
                        TargetNaming.SCHEMA_PER_DATABASE,
                        List.of(),
                        List.of(),
                        List.of(),
                        KeylessMode.APPEND);
        SerializerConfigImpl config = new SerializerConfigImpl();
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(
                                new ParseRouteFunction(
                                        new ChangeDecoder(InputFormat.AUTO),
                                        new TableRouter(routing),
                                        true)),
                        KafkaRecord.typeInfo().createSerializer(config));
        harness.setup(RoutedChange.typeInfo().createSerializer(config));
        harness.open();
        send(null, keyless("u", "null", "{\"a\": 1, \"b\": \"z\"}"));
        assertThat(deadLetters()).isEmpty();
        assertThat(harness.extractOutputValues().get(0).key()).startsWith("r|shop.log|#");
    }

    @Test
    void takesTheRulesKeyColumnsAndWritesThemIntoTheEvent() throws Exception {
        send(null, Fixtures.bytes("dms/update.json"));
        RoutedChange c = harness.extractOutputValues().get(0);
        assertThat(c.key()).isEqualTo("r|test_db.product.2");
        assertThat(c.event().primaryKey()).containsExactly("pid");
    }

    @Test
    void skipsTombstonesControlRecordsAndExcludedTablesWithoutDeadLetters() throws Exception {
        send("k".getBytes(), null);
        send(null, Fixtures.bytes("dms/control.json"));
        send(
                null,
                "{\"op\":\"c\",\"after\":{\"id\":1},\"source\":{\"db\":\"shop\",\"table\":\"audit\"}}"
                        .getBytes());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void sendsBadRecordsWholeToTheDeadLetterOutputAndCarriesOn() throws Exception {
        byte[] bad = Fixtures.bytes("bad/not-json.txt");
        send("the-key".getBytes(), bad);
        send(null, Fixtures.bytes("bad/missing-key-value.json"));
        send(null, Fixtures.bytes("bad/canal-missing-key-value.json"));
        send(null, Fixtures.bytes("canal/insert-multi.json"));
        assertThat(harness.extractOutputValues()).as("the job carries on").hasSize(2);
        List<DeadLetter> letters = deadLetters();
        assertThat(letters)
                .extracting(DeadLetter::reason)
                .containsExactly(
                        RejectReason.NOT_JSON,
                        RejectReason.MISSING_KEY_VALUE,
                        RejectReason.MISSING_KEY_VALUE);
        JsonNode json = new ObjectMapper().readTree(letters.get(0).toJson());
        assertThat(json.get("reason").asText()).isEqualTo("not_json");
        assertThat(json.get("topic").asText()).isEqualTo("in");
        assertThat(json.get("partition").asInt()).isEqualTo(3);
        assertThat(json.get("offset").asLong()).isZero();
        assertThat(json.get("key").asText()).isEqualTo("the-key");
        assertThat(Base64.getDecoder().decode(json.get("value_base64").asText())).isEqualTo(bad);
        assertThat(letters.get(2).detail()).contains("key column 'id'");
    }

    @Test
    void invalidUtf8NulCharactersAndZeroDatePartsAreDeadLettered() throws Exception {
        byte[] invalidUtf8 =
                "{\"op\":\"c\",\"after\":{\"id\":1,\"note\":\"\u00ff\"},\"source\":{\"db\":\"shop\",\"table\":\"orders\"}}"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        send(null, invalidUtf8);
        send(
                null,
                ("{\"op\":\"c\",\"after\":{\"id\":1,\"note\":\"a\\u0000b\"},\"pk\":[\"id\"],"
                                + "\"source\":{\"db\":\"shop\",\"table\":\"orders\"}}")
                        .getBytes());
        send(
                null,
                ("{\"op\":\"c\",\"after\":{\"id\":2,\"d\":\"2024-00-10\"},\"pk\":[\"id\"],"
                                + "\"columns\":[{\"name\":\"id\",\"type\":\"INT\",\"nullable\":false},"
                                + "{\"name\":\"d\",\"type\":\"DATE\",\"nullable\":true}],"
                                + "\"source\":{\"db\":\"shop\",\"table\":\"orders\"}}")
                        .getBytes());
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(deadLetters())
                .extracting(DeadLetter::reason)
                .containsExactly(
                        RejectReason.NOT_JSON,
                        RejectReason.INVALID_VALUE,
                        RejectReason.INVALID_VALUE);
        assertThat(deadLetters().get(2).detail())
                .startsWith("table shop.orders, column 'd', key [id=2]");
    }
}
