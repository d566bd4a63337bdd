package io.github.binlog2redshift.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeEventJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TableId T = TableId.of("shop", "orders");
    private static final SourcePosition P =
            SourcePosition.binlog(7, "mysql-bin.000003", 1234, 2, null, false, 1700000000000L);

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void writesDebeziumEnvelopeWithExtensions() throws Exception {
        ChangeEvent e =
                ChangeEvent.update(
                        T,
                        row("id", 1L, "amount", "10.50"),
                        row("id", 1L, "amount", "12.00"),
                        P,
                        1700000000123L,
                        List.of("id"),
                        List.of(
                                ColumnDef.of("id", "BIGINT UNSIGNED", null, null, false),
                                ColumnDef.of("amount", "DECIMAL", 10, 2, true)));
        JsonNode expected =
                JSON.readTree(
                        """
                {"before":{"id":1,"amount":"10.50"},"after":{"id":1,"amount":"12.00"},
                 "source":{"version":"binlog2redshift-1","connector":"mysql","name":"binlog2redshift",
                   "ts_ms":1700000000000,"snapshot":"false","db":"shop","table":"orders","server_id":7,
                   "gtid":null,"file":"mysql-bin.000003","pos":1234,"row":2},
                 "op":"u","ts_ms":1700000000123,"transaction":null,"pk":["id"],
                 "columns":[{"name":"id","type":"BIGINT UNSIGNED","length":null,"scale":null,"nullable":false},
                            {"name":"amount","type":"DECIMAL","length":10,"scale":2,"nullable":true}]}
                """);
        assertThat(JSON.readTree(ChangeEventJson.toBytes(e))).isEqualTo(expected);
    }

    @Test
    void roundTripKeepsExactValues() {
        BigInteger unsignedMax = new BigInteger("18446744073709551615");
        ChangeEvent e =
                ChangeEvent.insert(
                        T,
                        row(
                                "id",
                                unsignedMax,
                                "f",
                                new BigDecimal("0.1"),
                                "b",
                                true,
                                "s",
                                "x",
                                "n",
                                null),
                        P,
                        1L,
                        List.of("id"),
                        List.of());
        ChangeEvent back = DebeziumJsonReader.read(ChangeEventJson.toBytes(e));
        assertThat(back).isEqualTo(e);
        assertThat(back.after().get("id")).isEqualTo(unsignedMax);
        assertThat(back.after()).containsEntry("n", null);
    }

    @Test
    void schemaChangeRoundTrips() {
        ChangeEvent e =
                ChangeEvent.schemaChange(
                        T,
                        "ALTER TABLE orders ADD COLUMN note TEXT",
                        P,
                        5L,
                        List.of("id"),
                        List.of(
                                new ColumnDef(
                                        "kind", "ENUM", null, null, true, List.of("a", "b"))));
        ChangeEvent back = DebeziumJsonReader.read(ChangeEventJson.toBytes(e));
        assertThat(back).isEqualTo(e);
        assertThat(back.op()).isEqualTo(Op.SCHEMA_CHANGE);
    }

    @Test
    void theEpochRoundTripsAndIsWrittenOnlyOnceRaised() throws Exception {
        ChangeEvent e =
                ChangeEvent.schemaChange(
                        T, "TRUNCATE TABLE orders", P.withEpoch(2), 5L, List.of("id"), List.of());
        ObjectNode tree = ChangeEventJson.toTree(e);
        assertThat(tree.get("source").get("position_epoch").asInt()).isEqualTo(2);
        assertThat(DebeziumJsonReader.read(ChangeEventJson.toBytes(e)).source().epoch())
                .isEqualTo(2);
        ChangeEvent old =
                ChangeEvent.schemaChange(T, "TRUNCATE TABLE orders", P, 5L, List.of(), List.of());
        assertThat(ChangeEventJson.toTree(old).get("source").has("position_epoch")).isFalse();
        // events written before epochs existed have no field: epoch 0
        assertThat(DebeziumJsonReader.read(ChangeEventJson.toBytes(old)).source().epoch()).isZero();
    }

    @Test
    void readsPlainDebeziumWithSchemaEnvelope() {
        String json =
                """
                {"schema":{"type":"struct"},"payload":{"before":{"id":19770,"k":4996},
                 "after":{"id":19770,"k":4997},
                 "source":{"version":"1.9.8.Final","connector":"mysql","name":"mysql_binlog_source",
                  "ts_ms":1681561501000,"snapshot":"false","db":"cdc_db_02","table":"sbtest19",
                  "server_id":57330068,"gtid":null,"file":"mysql-bin-changelog.050156","pos":5865,"row":0},
                 "op":"u","ts_ms":1681561501093,"transaction":null}}
                """;
        ChangeEvent e = DebeziumJsonReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertThat(e.table()).isEqualTo(TableId.of("cdc_db_02", "sbtest19"));
        assertThat(e.op()).isEqualTo(Op.UPDATE);
        assertThat(e.source().fileSequence()).isEqualTo(50156);
        assertThat(e.source().position()).isEqualTo(5865);
        assertThat(e.after()).containsEntry("k", 4997L);
        assertThat(e.primaryKey()).isEmpty();
    }

    @Test
    void badInputNamesTheReason() {
        assertThatThrownBy(() -> DebeziumJsonReader.read("{not json".getBytes()))
                .isInstanceOf(ChangeEventParseException.class)
                .hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> DebeziumJsonReader.read("{\"after\":{}}".getBytes()))
                .hasMessage("no 'op' field");
        assertThatThrownBy(
                        () ->
                                DebeziumJsonReader.read(
                                        "{\"op\":\"x\",\"source\":{\"db\":\"a\",\"table\":\"b\"}}"
                                                .getBytes()))
                .hasMessageContaining("unknown change operation 'x'");
        assertThatThrownBy(() -> DebeziumJsonReader.read("{\"op\":\"c\",\"after\":{}}".getBytes()))
                .hasMessage("no source.db or source.table");
        assertThatThrownBy(
                        () ->
                                DebeziumJsonReader.read(
                                        "{\"op\":\"d\",\"source\":{\"db\":\"a\",\"table\":\"b\"}}"
                                                .getBytes()))
                .isInstanceOf(ChangeEventParseException.class)
                .hasMessageContaining("before image");
    }

    @Test
    void partialImageIsMarkedAndReadBackWithOnlyItsColumns() throws Exception {
        List<ColumnDef> cols =
                List.of(
                        ColumnDef.of("id", "INT", null, null, false),
                        ColumnDef.of("a", "INT", null, null, true),
                        ColumnDef.of("b", "INT", null, null, true));
        ChangeEvent e =
                new ChangeEvent(
                        T,
                        Op.UPDATE,
                        row("id", 1L),
                        row("id", 1L, "b", null),
                        P,
                        5L,
                        List.of("id"),
                        cols,
                        null,
                        true);
        JsonNode tree = JSON.readTree(ChangeEventJson.toBytes(e));
        assertThat(tree.get("partial_image").asBoolean()).isTrue();
        assertThat(tree.get("after").has("a")).isFalse();
        assertThat(tree.get("after").get("b").isNull()).isTrue();
        ChangeEvent back = DebeziumJsonReader.read(ChangeEventJson.toBytes(e));
        assertThat(back).isEqualTo(e);
        assertThat(back.missingFrom(back.after())).containsExactly("a");
        // A full-image event has no such field and reads back as full.
        ChangeEvent full = e.withAfter(row("id", 1L, "a", 2L, "b", null), false);
        assertThat(JSON.readTree(ChangeEventJson.toBytes(full)).has("partial_image")).isFalse();
        assertThat(DebeziumJsonReader.read(ChangeEventJson.toBytes(full)).partialImage()).isFalse();
    }
}
