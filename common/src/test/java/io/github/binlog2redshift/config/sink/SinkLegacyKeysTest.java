package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.TestSettings.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.TestSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SinkLegacyKeysTest {

    /** The reference's sink configuration under its own keys. */
    private static Map<String, String> legacy(String... extra) {
        Map<String, String> m =
                map(
                        "kafka_broker=k1:9092",
                        "topic=cdc_shop,cdc_crm",
                        "redshift_host=rs.example.com",
                        "redshift_port=5440",
                        "redshift_username=loader",
                        "redshift_password=pw",
                        "redshift_database=dev",
                        "redshift_schema=ods",
                        "redshift_tmpdir=s3://bucket/tmp",
                        "redshift_iam_role=arn:aws:iam::1:role/copy");
        m.putAll(map(extra));
        return m;
    }

    private static SinkConfig config(Map<String, String> values) {
        return SinkConfig.from(TestSettings.load(SinkOptions.ALL, values));
    }

    @Test
    void renamesTheConnectionAndStagingKeys() {
        SinkConfig cfg =
                config(
                        legacy(
                                "consumer_group=g1",
                                "max_offsets_per_trigger=100000",
                                "checkpoint_location=s3://bucket/cp",
                                "checkpoint_interval=30 seconds",
                                "thread_max_workers=8",
                                "maxerror=3"));
        assertThat(cfg.kafka().bootstrapServers()).isEqualTo("k1:9092");
        assertThat(cfg.kafka().topics()).containsExactly("cdc_shop", "cdc_crm");
        assertThat(cfg.kafka().groupId()).isEqualTo("g1");
        assertThat(cfg.kafka().maxRecordsPerCheckpoint()).hasValue(100000);
        assertThat(cfg.connection().host()).contains("rs.example.com");
        assertThat(cfg.connection().port()).isEqualTo(5440);
        assertThat(cfg.connection().username()).contains("loader");
        assertThat(cfg.connection().password().orElseThrow().reveal()).isEqualTo("pw");
        assertThat(cfg.connection().database()).contains("dev");
        assertThat(cfg.connection().schema()).isEqualTo("ods");
        assertThat(cfg.staging().path()).isEqualTo(URI.create("s3://bucket/tmp/"));
        assertThat(cfg.copyAuthorization().iamRole()).contains("arn:aws:iam::1:role/copy");
        assertThat(cfg.pipeline().checkpointDir()).contains("s3://bucket/cp");
        assertThat(cfg.pipeline().checkpointInterval()).contains(Duration.ofSeconds(30));
        assertThat(cfg.commit().maxParallelTables()).isEqualTo(8);
        assertThat(cfg.copy().maxError()).isEqualTo(3);
    }

    @Test
    void secretIdReplacesUsernameAndPassword() {
        Map<String, String> m = legacy("redshift_secret_id=prod/rs");
        m.remove("redshift_username");
        m.remove("redshift_password");
        assertThat(config(m).connection().secretId()).contains("prod/rs");
        assertThatThrownBy(() -> config(legacy("redshift_secret_id=prod/rs")))
                .hasMessageContaining(
                        "'sink.redshift.secret-id' (from properties file 'test.properties', legacy key 'redshift_secret_id')")
                .hasMessageContaining("mutually exclusive");
    }

    @ParameterizedTest
    @CsvSource({"earliest,EARLIEST", "LATEST,LATEST"})
    void startingOffsetsKeywords(String old, StartingOffsets expected) {
        assertThat(config(legacy("startingOffsets=" + old)).kafka().startingOffsets())
                .isEqualTo(expected);
    }

    @Test
    void startingOffsetsTimestampAndJson() {
        KafkaConsumerSettings k = config(legacy("startingOffsets=1700000000000")).kafka();
        assertThat(k.startingOffsets()).isEqualTo(StartingOffsets.TIMESTAMP);
        assertThat(k.startingTimestampMs()).hasValue(1700000000000L);
        assertThatThrownBy(() -> config(legacy("startingOffsets={\"cdc\":{\"0\":23}}")))
                .hasMessageContaining("Invalid value for 'startingOffsets'")
                .hasMessageContaining(
                        "only earliest, latest or an epoch-ms timestamp are supported");
    }

    @ParameterizedTest
    @CsvSource({
        "FLINK-CDC,DEBEZIUM",
        "MSK-DEBEZIUM-CDC,DEBEZIUM",
        "msk-debezium-cdc,DEBEZIUM",
        "DMS-CDC,DMS",
        "CANAL-CDC,CANAL"
    })
    void cdcFormat(String old, InputFormat expected) {
        assertThat(config(legacy("cdc_format=" + old)).inputFormat()).isEqualTo(expected);
    }

    @Test
    void unknownCdcFormat() {
        assertThatThrownBy(() -> config(legacy("cdc_format=MAXWELL")))
                .hasMessageContaining("'cdc_format'")
                .hasMessageContaining("not FLINK-CDC, MSK-DEBEZIUM-CDC, DMS-CDC or CANAL-CDC");
    }

    @ParameterizedTest
    @CsvSource({"CSV,CSV,false", "CSV GZIP,CSV,true", "json,JSON,false", "JSON  GZIP,JSON,true"})
    void tempformat(String old, StagingFormat format, boolean gzip) {
        StagingConfig s = config(legacy("tempformat=" + old)).staging();
        assertThat(s.format()).isEqualTo(format);
        assertThat(s.gzip()).isEqualTo(gzip);
    }

    @Test
    void badTempformat() {
        assertThatThrownBy(() -> config(legacy("tempformat=PARQUET")))
                .hasMessageContaining("not CSV, CSV GZIP, JSON or JSON GZIP");
        assertThatThrownBy(() -> config(legacy("tempformat=CSV BZIP2")))
                .hasMessageContaining("not CSV, CSV GZIP, JSON or JSON GZIP");
    }

    @Test
    void syncTableListWithStrictBooleansAndAnchoredMatching() {
        SinkConfig cfg =
                config(
                        legacy(
                                "sync_table_list=[{\"db\":\"shop\",\"table\":\"product\",\"primary_key\":\"id\","
                                        + "\"skip_delete\":\"true\",\"ignore_ddl\":\"false\"}]"));
        assertThat(cfg.tables().ruleFor("shop", "product"))
                .map(TableRule::deletes)
                .contains(DeleteHandling.SKIP);
        assertThat(cfg.tables().ruleFor("shop", "product_01")).isEmpty();
        assertThatThrownBy(
                        () ->
                                config(
                                        legacy(
                                                "sync_table_list=[{\"db\":\"shop\",\"table\":\"product\","
                                                        + "\"skip_delete\":\"ture\"}]")))
                .hasMessageContaining(
                        "Invalid value for 'sink.tables' (from properties file 'test.properties', legacy key 'sync_table_list')")
                .hasMessageContaining(
                        "entry 0, field 'skip_delete': expected true or false, got \"ture\"");
    }

    @Test
    void hadoopSchemesOfTheTempdirBecomeS3() {
        assertThat(config(legacy("redshift_tmpdir=s3a://bucket/tmp/")).staging().path())
                .isEqualTo(URI.create("s3://bucket/tmp/"));
        assertThat(config(legacy("redshift_tmpdir=s3n://bucket/tmp")).staging().path())
                .isEqualTo(URI.create("s3://bucket/tmp/"));
    }

    @Test
    void bareNumberCheckpointIntervalIsRefused() {
        assertThatThrownBy(() -> config(legacy("checkpoint_interval=30")))
                .hasMessageContaining("a bare number has no unit");
    }
}
