package io.github.binlog2redshift.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.serde.CodecTypeSerializer;
import io.github.binlog2redshift.source.debezium.ChangeEventDeserializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.junit.jupiter.api.Test;

class SourcePreflightTest {

    @Test
    void anAtLeastOnceSnapshotIsWarnedAboutWhenATableIsNotCovered() {
        assertThat(SourcePreflight.snapshotDeliveryWarning(TestConfigs.source(), "shop.log"))
                .hasValueSatisfying(
                        w ->
                                assertThat(w)
                                        .startsWith("kafka.delivery-guarantee is AT_LEAST_ONCE")
                                        .contains("a row deleted in MySQL meanwhile")
                                        .contains("target of these tables, shop.log (the sink"));
        assertThat(SourcePreflight.snapshotDeliveryWarning(TestConfigs.source(), "")).isEmpty();
        assertThat(
                        SourcePreflight.snapshotDeliveryWarning(
                                TestConfigs.source(
                                        "kafka.delivery-guarantee=EXACTLY_ONCE",
                                        "kafka.transactional-id-prefix=t"),
                                "shop.log"))
                .isEmpty();
        assertThat(
                        SourcePreflight.snapshotDeliveryWarning(
                                TestConfigs.source("source.startup.mode=LATEST"), "shop.log"))
                .isEmpty();
    }

    @Test
    void uncoveredTablesAreNamedUpToALimit() {
        List<UncoveredTables.ChunkKey> keys = new ArrayList<>();
        keys.add(new UncoveredTables.ChunkKey(TableId.of("s", "ints"), true, "id", "bigint", 0, 9));
        keys.add(new UncoveredTables.ChunkKey(TableId.of("s", "d0"), true, "id", "DECIMAL", 0, 9));
        assertThat(UncoveredTables.describe(keys, 10)).isEmpty();
        for (int i = 0; i < UncoveredTables.NAMED + 2; i++) {
            keys.add(
                    new UncoveredTables.ChunkKey(
                            TableId.of("s", "k" + i), false, "n", "int", 0, 1));
        }
        keys.add(new UncoveredTables.ChunkKey(TableId.of("s", "t"), true, "at", "datetime", 0, 5));
        assertThat(UncoveredTables.describe(keys, 10))
                .startsWith("without a primary key: s.k0, s.k1, ")
                .contains("s.k19 and 2 more; split on a column that is not an integer,")
                .endsWith(
                        "one chunk of source.snapshot.chunk-size=10 rows: s.t (at datetime, about 5 rows)");
    }

    @Test
    void replicationPrivilegeIsFoundInShowGrants() {
        assertThat(
                        SourcePreflight.hasGlobalPrivilege(
                                List.of(
                                        "GRANT SELECT, RELOAD, REPLICATION SLAVE, BINLOG MONITOR ON *.* TO `cdc`@`%`"),
                                "REPLICATION SLAVE"))
                .isTrue();
        assertThat(
                        SourcePreflight.hasGlobalPrivilege(
                                List.of("GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost`"),
                                "REPLICATION SLAVE"))
                .isTrue();
        assertThat(
                        SourcePreflight.hasGlobalPrivilege(
                                List.of(
                                        "GRANT BINLOG MONITOR ON *.* TO `cdc`@`%`",
                                        "GRANT ALL PRIVILEGES ON `shop`.* TO `cdc`@`%`"),
                                "REPLICATION SLAVE"))
                .isFalse();
    }

    @Test
    void patternsThatMatchNothingAndTablesWithoutKeyAreReported() {
        CapturedTables tables =
                new CapturedTables(
                        Set.of(TableId.of("shop", "orders"), TableId.of("shop", "log")),
                        Set.of(TableId.of("shop", "orders")));
        var config =
                TestConfigs.source(
                        "source.database-list=shop,shp",
                        "source.table-list=shop\\.orders,shop\\.ord");
        assertThat(tables.problems(config, true))
                .containsExactly(
                        "source.database-list pattern 'shp' matches no database with tables visible"
                                + " to the user (a typo, or SELECT not granted)",
                        "source.table-list pattern 'shop\\.ord' matches no table of the captured"
                                + " databases (patterns match the whole <database>.<table>; escape"
                                + " the dot)");
        var all = TestConfigs.source();
        assertThat(tables.problems(all, true))
                .containsExactly(
                        "table shop.log has no primary key: set a snapshot split column with"
                                + " source.chunk-key-columns=shop.log=<column>");
        assertThat(tables.problems(all, false)).isEmpty();
        assertThat(
                        tables.problems(
                                TestConfigs.source("source.chunk-key-columns=shop.log=id"), true))
                .isEmpty();
    }

    @Test
    void sourceChangeTravelsWithItsCodecNotKryo() {
        TypeInformation<SourceChange> type =
                new ChangeEventDeserializer(List.of()).getProducedType();
        assertThat(type).isNotInstanceOf(GenericTypeInfo.class).isEqualTo(SourceChange.typeInfo());
        SerializerConfigImpl noGenericTypes = new SerializerConfigImpl();
        noGenericTypes.setGenericTypes(false);
        assertThat(type.createSerializer(noGenericTypes)).isInstanceOf(CodecTypeSerializer.class);
        // The router's output, the Kafka sink's input, likewise.
        assertThat(
                        new ChangeEventRouter(null, null)
                                .getProducedType()
                                .createSerializer(noGenericTypes))
                .isInstanceOf(CodecTypeSerializer.class);
    }
}
