package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.TestSettings.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.TestSettings;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceLegacyKeysTest {

    /** The reference's minimal configuration under its own keys. */
    private static Map<String, String> legacy(String... extra) {
        Map<String, String> m =
                map(
                        "host=db1:3307",
                        "username=cdc",
                        "password=pw",
                        "db_list=shop,crm",
                        "kafka_broker=k1:9092,k2:9092",
                        "topic=cdc_all");
        m.putAll(map(extra));
        return m;
    }

    private static SourceConfig config(Map<String, String> values) {
        return SourceConfig.from(TestSettings.load(SourceOptions.ALL, values));
    }

    @Test
    void renamesAndSplitsTheBasics() {
        SourceConfig cfg =
                config(
                        legacy(
                                "tb_list=shop\\.orders,crm\\..*",
                                "server_id=5400-5404",
                                "server_time_zone=Asia/Shanghai"));
        assertThat(cfg.mysql().hostname()).isEqualTo("db1");
        assertThat(cfg.mysql().port()).isEqualTo(3307);
        assertThat(cfg.mysql().username()).isEqualTo("cdc");
        assertThat(cfg.mysql().password().reveal()).isEqualTo("pw");
        assertThat(cfg.databaseList()).extracting(Pattern::pattern).containsExactly("shop", "crm");
        assertThat(cfg.tableList())
                .extracting(Pattern::pattern)
                .containsExactly("shop\\.orders", "crm\\..*");
        assertThat(cfg.serverId()).contains(new ServerIdRange(5400, 5404));
        assertThat(cfg.mysql().serverTimeZone().getId()).isEqualTo("Asia/Shanghai");
        assertThat(cfg.kafka().bootstrapServers()).isEqualTo("k1:9092,k2:9092");
        assertThat(cfg.kafka().routing()).isEqualTo(TopicRouting.SINGLE);
        assertThat(cfg.kafka().topic()).contains("cdc_all");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "db1:3307|db1|3307",
                "db1|db1|3306",
                "10.0.0.5:3310|10.0.0.5|3310",
                "[::1]:3311|::1|3311",
                "[fe80::1]|fe80::1|3306"
            })
    void hostIsSplitIntoHostnameAndPort(String host, String hostname, int port) {
        SourceConfig cfg = config(legacy("host=" + host));
        assertThat(cfg.mysql().hostname()).isEqualTo(hostname);
        assertThat(cfg.mysql().port()).isEqualTo(port);
    }

    @Test
    void badHostValues() {
        assertThatThrownBy(() -> config(legacy("host=::1:3306")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'host'")
                .hasMessageContaining("write IPv6 addresses as [addr]:port");
        assertThatThrownBy(() -> config(legacy("host=db1:port")))
                .hasMessageContaining("Invalid value for 'source.port'")
                .hasMessageContaining("legacy key 'host'")
                .hasMessageContaining("got 'port'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"initial|INITIAL", "LATEST|LATEST", "earliest|EARLIEST"})
    void positionKeywords(String position, StartupMode mode) {
        StartupConfig s = config(legacy("position=" + position)).startup();
        assertThat(s.mode()).isEqualTo(mode);
        assertThat(s.binlogFile()).isEmpty();
    }

    @Test
    void positionFileWithAndWithoutOffset() {
        StartupConfig s = config(legacy("position=mysql-bin.000003:154")).startup();
        assertThat(s.mode()).isEqualTo(StartupMode.SPECIFIC_OFFSET);
        assertThat(s.binlogFile()).contains("mysql-bin.000003");
        assertThat(s.binlogPosition()).isEqualTo(154);
        StartupConfig noPos = config(legacy("position=mysql-bin.000003")).startup();
        assertThat(noPos.binlogFile()).contains("mysql-bin.000003");
        assertThat(noPos.binlogPosition()).isEqualTo(4);
    }

    @Test
    void positionGtidAndTimestamp() {
        StartupConfig g =
                config(legacy("position=gtid:3e11fa47-71ca-11e1-9e33-c80aa9429562:1-23")).startup();
        assertThat(g.mode()).isEqualTo(StartupMode.GTID);
        assertThat(g.gtidSet()).contains("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-23");
        StartupConfig t = config(legacy("position=timestamp:1700000000000")).startup();
        assertThat(t.mode()).isEqualTo(StartupMode.TIMESTAMP);
        assertThat(t.timestampMs()).hasValue(1700000000000L);
    }

    @Test
    void badPositions() {
        assertThatThrownBy(() -> config(legacy("position=mysql-bin.000003:abc")))
                .hasMessageContaining("Invalid value for 'position'")
                .hasMessageContaining("got 'mysql-bin.000003:abc'");
        assertThatThrownBy(() -> config(legacy("position=timestamp:yesterday")))
                .hasMessageContaining("Invalid value for 'source.startup.timestamp-ms'")
                .hasMessageContaining("legacy key 'position'");
    }

    @Test
    void topicPrefixMeansPerDatabaseRouting() {
        Map<String, String> m = legacy("topic_prefix=cdc_");
        m.remove("topic");
        KafkaProducerSettings k = config(m).kafka();
        assertThat(k.routing()).isEqualTo(TopicRouting.PER_DATABASE);
        assertThat(k.topicFor("Shop", "Orders")).isEqualTo("cdc_shop");
    }

    @Test
    void topicAndTopicPrefixTogetherConflict() {
        assertThatThrownBy(() -> config(legacy("topic_prefix=cdc_")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Conflicting values for 'kafka.topic-routing'");
    }

    @Test
    void deliveryGuaranteeAndTablePk() {
        SourceConfig cfg =
                config(
                        legacy(
                                "delivery_guarantee=exactly_once",
                                "kafka.transactional-id-prefix=cdc-1",
                                "table_pk=[{\"db\":\"shop\",\"table\":\"product\",\"primary_key\":\"sku\"}]"));
        assertThat(cfg.kafka().deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(cfg.pkOverrideFor("shop", "product"))
                .map(TablePkOverride::primaryKey)
                .contains(java.util.List.of("sku"));
        assertThat(cfg.pkOverrideFor("shop", "product_01")).isEmpty();
    }

    @Test
    void kafkaPropertiesAsJsonObjectOrPairs() {
        Map<String, String> expected =
                Map.of(
                        "security.protocol",
                        "SASL_SSL",
                        "sasl.mechanism",
                        "AWS_MSK_IAM",
                        "sasl.jaas.config",
                        "software.amazon.msk.auth.iam.IAMLoginModule required;");
        SourceConfig json =
                config(
                        legacy(
                                "kafka_properties={\"security.protocol\":\"SASL_SSL\",\"sasl.mechanism\":\"AWS_MSK_IAM\","
                                        + "\"sasl.jaas.config\":\"software.amazon.msk.auth.iam.IAMLoginModule required;\"}"));
        assertThat(json.kafka().properties().values()).containsExactlyInAnyOrderEntriesOf(expected);
        SourceConfig pairs =
                config(
                        legacy(
                                "kafka_properties=security.protocol=SASL_SSL, sasl.mechanism=AWS_MSK_IAM,"
                                        + "sasl.jaas.config=software.amazon.msk.auth.iam.IAMLoginModule required;"));
        assertThat(pairs.kafka().properties().values())
                .containsExactlyInAnyOrderEntriesOf(expected);
        assertThatThrownBy(() -> config(legacy("kafka_properties=sasl.jaas.config")))
                .hasMessageContaining("'kafka_properties'")
                .hasMessageContaining("<hidden>")
                .hasMessageNotContaining("sasl.jaas.config'");
    }

    @Test
    void pipelineKeys() {
        SourceConfig cfg =
                config(
                        legacy(
                                "chunk_size=4000",
                                "disable_chaining=true",
                                "checkpoint_interval=30 s",
                                "checkpoint_dir=s3://b/cp",
                                "parallelism=2",
                                "server_id=5400-5401"));
        assertThat(cfg.chunkSize()).isEqualTo(4000);
        assertThat(cfg.pipeline().disableChaining()).isTrue();
        assertThat(cfg.pipeline().checkpointInterval()).contains(Duration.ofSeconds(30));
        assertThat(cfg.pipeline().checkpointDir()).contains("s3://b/cp");
        assertThat(cfg.pipeline().parallelism()).hasValue(2);
        assertThat(cfg.sourceParallelism()).hasValue(2);
    }

    @Test
    void bareNumberCheckpointIntervalIsRefusedAsAmbiguous() {
        assertThatThrownBy(() -> config(legacy("checkpoint_interval=60")))
                .hasMessageContaining("Invalid value for 'checkpoint_interval'")
                .hasMessageContaining("a bare number has no unit");
    }

    @Test
    void disableChainingMustBeABoolean() {
        assertThatThrownBy(() -> config(legacy("disable_chaining=ture")))
                .hasMessageContaining(
                        "'pipeline.disable-chaining' (from properties file 'test.properties', legacy key 'disable_chaining')")
                .hasMessageContaining("got 'ture'");
    }
}
