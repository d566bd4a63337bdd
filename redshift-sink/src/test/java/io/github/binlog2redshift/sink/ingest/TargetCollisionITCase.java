package io.github.binlog2redshift.sink.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.InputFormat;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.sink.deadletter.DeadLetter;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.jdbc.SinkTarget;
import io.github.binlog2redshift.sink.jdbc.WarehouseClaimStore;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RoutingOptions;
import io.github.binlog2redshift.sink.route.TableModes;
import io.github.binlog2redshift.sink.route.TableRouter;
import io.github.binlog2redshift.sink.route.TargetClaims;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 14: target collisions refused at parse-route, with claims kept in each warehouse's {@code
 * _b2r_target_claims}: every kind of collision (names that differ in case, {@code DB_TABLE}'s
 * {@code __} join, a table and another's history table), the first claimer winning across two
 * subtasks and a restart, the loser's records dead-lettered whole ({@code target_collision}, naming
 * both source tables) while the winner's pass.
 */
@ExtendWith(LocalStackExtension.class)
class TargetCollisionITCase {

    private static final List<ColumnDef> COLS =
            List.of(ColumnDef.of("id", "INT", null, null, false));

    /** One parse-route subtask of a job on {@code db}, with the job's claims. */
    private static final class Subtask implements AutoCloseable {
        final OneInputStreamOperatorTestHarness<KafkaRecord, RoutedChange> harness;
        long offset;

        Subtask(SinkTarget db, RoutingOptions routing, TableModes modes) throws Exception {
            TargetClaims claims =
                    new TargetClaims(
                            routing,
                            modes,
                            db.dialect(),
                            WarehouseClaimStore.factory(db.connection(), "public", "claims-it"));
            SerializerConfigImpl config = new SerializerConfigImpl();
            harness =
                    new OneInputStreamOperatorTestHarness<>(
                            new ProcessOperator<>(
                                    new ParseRouteFunction(
                                            new ChangeDecoder(InputFormat.AUTO),
                                            new TableRouter(routing, claims),
                                            true)),
                            KafkaRecord.typeInfo().createSerializer(config));
            harness.setup(RoutedChange.typeInfo().createSerializer(config));
            harness.open();
        }

        /** Sends one change of {@code db.table}; true when it was routed, false when refused. */
        boolean send(String db, String table) throws Exception {
            int before = harness.extractOutputValues().size();
            ChangeEvent e =
                    ChangeEvent.insert(
                            TableId.of(db, table),
                            Map.of("id", 1L),
                            SourcePosition.binlog(
                                    1, "mysql-bin.000001", offset + 4, 0, null, false, 0),
                            0,
                            List.of("id"),
                            COLS);
            harness.processElement(
                    new StreamRecord<>(
                            new KafkaRecord(
                                    "in", 0, offset++, 0L, null, ChangeEventJson.toBytes(e))));
            return harness.extractOutputValues().size() > before;
        }

        List<DeadLetter> deadLetters() {
            var queue = harness.getSideOutput(ParseRouteFunction.DEAD_LETTERS);
            List<DeadLetter> out = new ArrayList<>();
            if (queue != null) {
                queue.forEach(r -> out.add(r.getValue()));
            }
            return out;
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void everyKindOfCollisionIsRefusedTheFirstClaimerWinning(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack);
        RoutingOptions routing = RoutingOptions.of(TargetNaming.DB_TABLE, "public");
        TableMode d = TableMode.defaults();
        TableModes modes =
                new TableModes(
                        List.of(
                                new TableModes.Entry(
                                        Pattern.compile("shop"),
                                        Pattern.compile("orders"),
                                        new TableMode(
                                                false,
                                                DeleteHandling.APPLY,
                                                DeleteArchive.NONE,
                                                true,
                                                d.distStyle(),
                                                d.sortKey()))),
                        d);
        try (Subtask first = new Subtask(db, routing, modes);
                Subtask second = new Subtask(db, routing, modes)) {
            // Case: the naming lower-cases, so Items and items are one target.
            assertThat(first.send("shop", "Items")).isTrue();
            assertThat(second.send("shop", "items")).isFalse();
            // DB_TABLE joins with __: a__b.c and a.b__c are both public.a__b__c.
            assertThat(second.send("a__b", "c")).isTrue();
            assertThat(first.send("a", "b__c")).isFalse();
            // A table and another's history table.
            assertThat(first.send("shop", "orders")).isTrue();
            assertThat(second.send("shop", "orders_history")).isFalse();
            // The winners keep going on either subtask.
            assertThat(second.send("shop", "Items")).isTrue();
            assertThat(first.send("a__b", "c")).isTrue();

            List<DeadLetter> letters = new ArrayList<>(first.deadLetters());
            letters.addAll(second.deadLetters());
            assertThat(letters)
                    .extracting(DeadLetter::reason)
                    .containsOnly(RejectReason.TARGET_COLLISION)
                    .hasSize(3);
            assertThat(letters)
                    .extracting(DeadLetter::detail)
                    .anySatisfy(
                            t ->
                                    assertThat(t)
                                            .contains(
                                                    "source table shop.items would be loaded into"
                                                            + " public.shop__items")
                                            .contains("source table shop.Items claimed first"))
                    .anySatisfy(
                            t ->
                                    assertThat(t)
                                            .contains("source table a.b__c")
                                            .contains("source table a__b.c claimed first"))
                    .anySatisfy(
                            t ->
                                    assertThat(t)
                                            .contains("public.shop__orders_history")
                                            .contains("shop.orders claimed first as its history"));
            JsonNode json = new ObjectMapper().readTree(letters.get(0).toJson());
            assertThat(json.get("reason").asText()).isEqualTo("target_collision");
        }

        // A restart: the claims are the warehouse's, so the same tables win again.
        try (Subtask restarted = new Subtask(db, routing, modes)) {
            assertThat(restarted.send("shop", "items")).isFalse();
            assertThat(restarted.send("shop", "Items")).isTrue();
            assertThat(restarted.send("shop", "orders_history")).isFalse();
        }
        assertThat(claims(db))
                .contains(
                        "public.shop__items|target|source shop.Items",
                        "public.a__b__c|target|source a__b.c",
                        "public.shop__orders_history|history|source shop.orders")
                .noneMatch(c -> c.contains("source shop.items"))
                .noneMatch(c -> c.contains("source a.b__c"))
                .noneMatch(c -> c.contains("source shop.orders_history"));
    }

    private static List<String> claims(SinkTarget db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs =
                        c.createStatement()
                                .executeQuery(
                                        "SELECT target_table, role, claimant FROM"
                                                + " public._b2r_target_claims ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return out;
    }
}
