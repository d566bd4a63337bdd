package io.github.binlog2redshift.config;

import static io.github.binlog2redshift.config.TestSettings.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void returnsDefaultWhenUnset() {
        assertThat(file().get(SourceOptions.PORT)).isEqualTo(3306);
        assertThat(file().get(PipelineOptions.RESTART_DELAY)).isEqualTo(Duration.ofSeconds(10));
        assertThat(file().getOptional(SourceOptions.STARTUP_GTID_SET)).isEmpty();
        assertThat(file().isSet(SourceOptions.PORT)).isFalse();
    }

    @Test
    void badValueErrorNamesKeyOriginExpectedAndActual() {
        assertThatThrownBy(() -> file("source.port=33o6").get(SourceOptions.PORT))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value for 'source.port' (from properties file 'test.properties'):"
                                + " expected integer in 1..65535, got '33o6'");
        assertThatThrownBy(() -> file("source.port=70000").get(SourceOptions.PORT))
                .hasMessageContaining(
                        "expected integer in 1..65535, got '70000' (must be in 1..65535)");
    }

    @Test
    void badBooleanDurationAndEnumErrors() {
        assertThatThrownBy(
                        () ->
                                file("pipeline.disable-chaining=ture")
                                        .get(PipelineOptions.DISABLE_CHAINING))
                .hasMessageContaining("'pipeline.disable-chaining'")
                .hasMessageContaining("expected boolean (true|false), got 'ture'");
        assertThatThrownBy(
                        () ->
                                file("pipeline.checkpoint.interval=10 sex")
                                        .get(PipelineOptions.CHECKPOINT_INTERVAL))
                .hasMessageContaining(
                        "expected duration (e.g. 10s, 500ms, 1 min; a bare number is milliseconds), got '10 sex'");
        assertThatThrownBy(() -> file("source.startup.mode=intial").get(SourceOptions.STARTUP_MODE))
                .hasMessage(
                        "Invalid value for 'source.startup.mode' (from properties file 'test.properties'):"
                                + " expected one of INITIAL|SNAPSHOT|LATEST|EARLIEST|SPECIFIC_OFFSET|GTID|TIMESTAMP,"
                                + " got 'intial'");
    }

    @Test
    void secretValuesAreMaskedInErrors() {
        ConfigOption<Integer> secretNumber =
                ConfigOption.key("test.secret-number", ValueType.integer())
                        .secret()
                        .description("x")
                        .build();
        assertThatThrownBy(() -> file("test.secret-number=hunter2").get(secretNumber))
                .hasMessageContaining("got <hidden>")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void missingRequiredOptionSaysWhatAndHow() {
        assertThatThrownBy(() -> file().get(SourceOptions.HOSTNAME))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Missing required option 'source.hostname' (string: MySQL host name or IP.)")
                .hasMessageContaining("--source.hostname=...");
    }

    @Test
    void laterLayerOverridesAndKeepsItsOrigin() {
        Settings merged =
                file("source.port=1", "source.hostname=a")
                        .overriddenBy(
                                Settings.of(Map.of("source.port", "2"), Origin.commandLine()));
        assertThat(merged.get(SourceOptions.PORT)).isEqualTo(2);
        assertThat(merged.raw("source.port").orElseThrow().origin())
                .isEqualTo(Origin.commandLine());
        assertThat(merged.raw("source.hostname").orElseThrow().origin())
                .isEqualTo(TestSettings.FILE);
    }

    @Test
    void prefixMapsStripThePrefix() {
        Settings s =
                file(
                        "kafka.properties.security.protocol=SASL_SSL",
                        "kafka.properties.sasl.mechanism=AWS_MSK_IAM");
        assertThat(s.getMap(KafkaOptions.PROPERTIES))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "AWS_MSK_IAM"));
        assertThat(s.isSet(KafkaOptions.PROPERTIES)).isTrue();
    }

    @Test
    void toStringAndReportNeverShowSecrets() {
        Settings s =
                file(
                        "source.password=hunter2",
                        "source.hostname=db1",
                        "kafka.properties.sasl.jaas.config=pw=hunter3");
        assertThat(s.toString()).doesNotContain("hunter");
        String report = ConfigReport.describe(SourceOptions.ALL, s);
        assertThat(report)
                .contains("source.hostname = 'db1'  (properties file 'test.properties')")
                .contains("source.password = <hidden>")
                .doesNotContain("hunter");
        assertThat(new Secret("hunter2").toString()).isEqualTo("<hidden>");
    }

    @Test
    void longValuesAreShortenedInErrors() {
        String json = "[" + "x".repeat(500);
        assertThatThrownBy(() -> file("sink.tables=" + json).get(SinkOptions.TABLES))
                .hasMessageContaining("...'")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(600));
    }
}
