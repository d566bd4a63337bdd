package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.TestSettings.validSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.TestSettings;
import io.github.binlog2redshift.config.pipeline.CheckpointMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceConfigTest {

    private static SourceConfig config(Map<String, String> values) {
        return SourceConfig.from(TestSettings.load(SourceOptions.ALL, values));
    }

    @Test
    void defaults() {
        SourceConfig cfg = config(validSource());
        assertThat(cfg.mysql().port()).isEqualTo(3306);
        assertThat(cfg.mysql().serverTimeZone().getId()).isEqualTo("UTC");
        assertThat(cfg.startup().mode()).isEqualTo(StartupMode.INITIAL);
        assertThat(cfg.chunkSize()).isEqualTo(8096);
        assertThat(cfg.serverId()).isEmpty();
        assertThat(cfg.tableList()).isEmpty();
        assertThat(cfg.kafka().deliveryGuarantee()).isEqualTo(DeliveryGuarantee.AT_LEAST_ONCE);
        assertThat(cfg.kafka().transactionalIdPrefix()).isEmpty();
        assertThat(cfg.pipeline().jobName()).isEqualTo("cdc-source");
        assertThat(cfg.pipeline().checkpointInterval()).isEmpty();
        assertThat(cfg.pipeline().checkpointMode()).isEqualTo(CheckpointMode.EXACTLY_ONCE);
        // Unset platform settings stay unset so the cluster's own configuration stands.
        assertThat(cfg.pipeline().stateBackend()).isEmpty();
        assertThat(cfg.pipeline().restartStrategy()).isEmpty();
        assertThat(cfg.toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void exactlyOnceRequiresATransactionalIdPrefix() {
        assertThatThrownBy(() -> config(validSource("kafka.delivery-guarantee=exactly-once")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Missing required option 'kafka.transactional-id-prefix'")
                .hasMessageContaining(
                        "EXACTLY_ONCE delivery guarantee requires a transactional-id prefix");
        SourceConfig ok =
                config(
                        validSource(
                                "kafka.delivery-guarantee=EXACTLY_ONCE",
                                "kafka.transactional-id-prefix=cdc-shop"));
        assertThat(ok.kafka().transactionalIdPrefix()).contains("cdc-shop");
    }

    @Test
    void transactionalIdPrefixWithoutExactlyOnceIsRejected() {
        assertThatThrownBy(() -> config(validSource("kafka.transactional-id-prefix=x")))
                .hasMessageContaining("'kafka.transactional-id-prefix'")
                .hasMessageContaining(
                        "must not be set when kafka.delivery-guarantee is AT_LEAST_ONCE");
    }

    @Test
    void topicRouting() {
        assertThatThrownBy(() -> config(validSource("kafka.topic-prefix=cdc_")))
                .hasMessageContaining("'kafka.topic-prefix'")
                .hasMessageContaining("must not be set when kafka.topic-routing is SINGLE");
        Map<String, String> perTable =
                validSource("kafka.topic-routing=per-table", "kafka.topic-prefix=cdc.");
        perTable.remove("kafka.topic");
        assertThat(config(perTable).kafka().topicFor("Shop", "Orders"))
                .isEqualTo("cdc.shop.orders");
        Map<String, String> noPrefix = validSource("kafka.topic-routing=PER_DATABASE");
        noPrefix.remove("kafka.topic");
        assertThatThrownBy(() -> config(noPrefix))
                .hasMessageContaining("Missing required option 'kafka.topic-prefix'")
                .hasMessageContaining("because kafka.topic-routing is PER_DATABASE");
        Map<String, String> noTopic = validSource();
        noTopic.remove("kafka.topic");
        assertThatThrownBy(() -> config(noTopic))
                .hasMessageContaining("Missing required option 'kafka.topic'");
    }

    @Test
    void scanNewlyAddedTablesIsOffByDefaultAndNeedsTheInitialStartupMode() {
        assertThat(config(validSource()).scanNewlyAddedTables()).isFalse();
        assertThat(
                        config(validSource("source.scan-newly-added-tables=true"))
                                .scanNewlyAddedTables())
                .isTrue();
        assertThatThrownBy(
                        () ->
                                config(
                                        validSource(
                                                "source.scan-newly-added-tables=true",
                                                "source.startup.mode=LATEST")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'source.scan-newly-added-tables'")
                .hasMessageContaining("unless source.startup.mode is INITIAL")
                .hasMessageContaining("it is LATEST");
    }

    @Test
    void serverIdRangeMustCoverTheSourceParallelism() {
        assertThatThrownBy(
                        () ->
                                config(
                                        validSource(
                                                "source.server-id=5400-5401",
                                                "source.parallelism=4")))
                .hasMessage(
                        "Invalid value for 'source.server-id' (from properties file 'test.properties'):"
                                + " expected a range of at least 4 ids (one per parallel source reader), got '5400-5401'");
        assertThatThrownBy(
                        () ->
                                config(
                                        validSource(
                                                "source.server-id=5400", "pipeline.parallelism=2")))
                .hasMessageContaining("at least 2 ids");
        assertThat(
                        config(validSource("source.server-id=5400-5403", "pipeline.parallelism=4"))
                                .serverId())
                .hasValueSatisfying(r -> assertThat(r.size()).isEqualTo(4));
        assertThatThrownBy(() -> config(validSource("source.server-id=5404-5400")))
                .hasMessageContaining("'source.server-id'")
                .hasMessageContaining("1 <= start <= end");
    }

    @Test
    void startupModesRequireTheirOptionsAndRejectOthers() {
        assertThatThrownBy(() -> config(validSource("source.startup.mode=specific-offset")))
                .hasMessageContaining("Missing required option 'source.startup.binlog-file'")
                .hasMessageContaining("because source.startup.mode is SPECIFIC_OFFSET");
        assertThatThrownBy(() -> config(validSource("source.startup.mode=GTID")))
                .hasMessageContaining("Missing required option 'source.startup.gtid-set'");
        assertThatThrownBy(() -> config(validSource("source.startup.mode=TIMESTAMP")))
                .hasMessageContaining("Missing required option 'source.startup.timestamp-ms'");
        assertThatThrownBy(() -> config(validSource("source.startup.binlog-file=mysql-bin.000001")))
                .hasMessageContaining("must not be set when source.startup.mode is INITIAL");
        StartupConfig s =
                config(
                                validSource(
                                        "source.startup.mode=SPECIFIC_OFFSET",
                                        "source.startup.binlog-file=mysql-bin.000001",
                                        "source.startup.binlog-position=154"))
                        .startup();
        assertThat(s.binlogFile()).contains("mysql-bin.000001");
        assertThat(s.binlogPosition()).isEqualTo(154);
        assertThat(config(validSource("source.startup.mode=snapshot")).startup().mode())
                .isEqualTo(StartupMode.SNAPSHOT);
    }

    @Test
    void chunkKeyColumnsNeedDatabaseAndTable() {
        assertThat(
                        config(
                                        validSource(
                                                "source.chunk-key-columns=shop.orders=id;shop.items=item_id"))
                                .chunkKeyColumns())
                .containsEntry("shop.orders", "id")
                .containsEntry("shop.items", "item_id");
        assertThatThrownBy(() -> config(validSource("source.chunk-key-columns=orders=id")))
                .hasMessageContaining("'source.chunk-key-columns'")
                .hasMessageContaining("<database>.<table>=<column>, not 'orders'");
    }

    @Test
    void capturedTablesMatchWholeNames() {
        SourceConfig cfg = config(validSource("source.table-list=shop\\.product"));
        assertThat(cfg.captures("shop", "product")).isTrue();
        assertThat(cfg.captures("shop", "product_01")).isFalse();
        assertThat(cfg.captures("shop2", "product")).isFalse();
    }

    @Test
    void reservedKafkaPropertiesPointToTheirOption() {
        assertThatThrownBy(() -> config(validSource("kafka.properties.bootstrap.servers=x:1")))
                .hasMessage(
                        "Option 'kafka.properties.bootstrap.servers' (from properties file 'test.properties')"
                                + " is not allowed: set 'kafka.bootstrap-servers' instead");
    }

    @Test
    void kafkaPropertiesAreNotPrinted() {
        SourceConfig cfg =
                config(validSource("kafka.properties.sasl.jaas.config=password=hunter2"));
        assertThat(cfg.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }
}
