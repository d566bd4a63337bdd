package io.github.binlog2redshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.source.SourceConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobCommandLineTest {

    @TempDir Path dir;
    private final StringWriter help = new StringWriter();

    private Optional<Settings> load(String... args) {
        return new JobCommandLine(
                        SourceOptions.ALL, dir.resolve("no-kda.json"), new PrintWriter(help))
                .load(args);
    }

    private static final String[] REQUIRED = {
        "--source.hostname=db1",
        "--source.username",
        "cdc",
        "--source.password=pw",
        "--source.database-list=shop",
        "--kafka.bootstrap-servers=k:9092",
        "--kafka.topic=cdc"
    };

    private static String[] with(String... extra) {
        String[] all = new String[REQUIRED.length + extra.length];
        System.arraycopy(REQUIRED, 0, all, 0, REQUIRED.length);
        System.arraycopy(extra, 0, all, REQUIRED.length, extra.length);
        return all;
    }

    @Test
    void commandLineOptionsAreNamedLikeKeys() {
        SourceConfig cfg = SourceConfig.from(load(with("--source.port=3307")).orElseThrow());
        assertThat(cfg.mysql().hostname()).isEqualTo("db1");
        assertThat(cfg.mysql().username()).isEqualTo("cdc");
        assertThat(cfg.mysql().port()).isEqualTo(3307);
        assertThat(cfg.kafka().topic()).contains("cdc");
    }

    @Test
    void prefixedPassThroughPropertiesInBothForms() {
        Settings s =
                load(with(
                                "--kafka.properties.security.protocol=SASL_SSL",
                                "--kafka.properties.sasl.mechanism",
                                "AWS_MSK_IAM"))
                        .orElseThrow();
        assertThat(s.getMap(KafkaOptions.PROPERTIES))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "AWS_MSK_IAM"));
    }

    @Test
    void legacyKeysWorkOnTheCommandLine() {
        Settings s =
                load(
                                "--host",
                                "db9:3310",
                                "--username=u",
                                "--password=p",
                                "--db_list=shop",
                                "--kafka_broker=k:1",
                                "--topic=t")
                        .orElseThrow();
        SourceConfig cfg = SourceConfig.from(s);
        assertThat(cfg.mysql().hostname()).isEqualTo("db9");
        assertThat(cfg.mysql().port()).isEqualTo(3310);
    }

    @Test
    void unknownArgumentsGetASuggestion() {
        assertThatThrownBy(() -> load(with("--source.hostnmae=x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "Unknown command-line argument '--source.hostnmae' (value not shown); did you mean '--source.hostname'?");
        // A misspelt secret key must not put the secret into the error.
        assertThatThrownBy(() -> load(with("--source.pasword=hunter2")))
                .hasMessageContaining("'--source.pasword' (value not shown)")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> load(with("stray")))
                .hasMessageContaining("Unknown command-line argument 'stray'");
    }

    @Test
    void repeatedOptionIsAnError() {
        assertThatThrownBy(() -> load(with("--source.port=1", "--source.port=2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("source.port");
    }

    @Test
    void precedenceFileThenKdaThenCommandLine() throws IOException {
        Path props = dir.resolve("job.properties");
        Files.writeString(
                props,
                "source.port=1\nsource.server-time-zone=Asia/Shanghai\nsource.snapshot.chunk-size=100\n");
        Path kda = dir.resolve("app.json");
        Files.writeString(
                kda,
                "[{\"PropertyGroupId\":\"FlinkApplicationProperties\",\"PropertyMap\":{\"source.port\":\"2\",\"source.snapshot.chunk-size\":\"200\"}}]");
        Settings s =
                load(with(
                                "--config-file",
                                props.toString(),
                                "--kda-properties-file=" + kda,
                                "--source.port=3"))
                        .orElseThrow();
        assertThat(s.get(SourceOptions.PORT)).isEqualTo(3);
        assertThat(s.get(SourceOptions.SNAPSHOT_CHUNK_SIZE)).isEqualTo(200);
        assertThat(s.get(SourceOptions.SERVER_TIME_ZONE).getId()).isEqualTo("Asia/Shanghai");
        assertThat(s.raw("source.snapshot.chunk-size").orElseThrow().origin().kind())
                .isEqualTo(Origin.Kind.KDA_PROPERTY_GROUP);
    }

    @Test
    void kdaFileIsDetectedWhenPresentAndNoArgumentsAreGiven() throws IOException {
        Path kda = dir.resolve("application_properties.json");
        Files.writeString(kda, ConfigReference.read("kda-application-properties.json"));
        Settings s =
                new JobCommandLine(SourceOptions.ALL, kda, new PrintWriter(help))
                        .load(new String[0])
                        .orElseThrow();
        SourceConfig cfg = SourceConfig.from(s);
        assertThat(cfg.mysql().hostname()).isEqualTo("mysql.internal.example.com");
        assertThat(cfg.kafka().properties().values())
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM");
    }

    @Test
    void kdaFlagRequiresTheFile() {
        assertThatThrownBy(() -> load(with("--kda")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no-kda.json' is not readable");
    }

    @Test
    void badValueFromTheFileNamesTheFile() throws IOException {
        Path props = dir.resolve("bad.properties");
        Files.writeString(props, "source.port=abc\n");
        assertThatThrownBy(
                        () -> SourceConfig.from(load(with("--config-file=" + props)).orElseThrow()))
                .hasMessageContaining("'source.port' (from properties file '" + props + "')")
                .hasMessageContaining("got 'abc'");
    }

    @Test
    void missingConfigFileIsAConfigError() {
        assertThatThrownBy(() -> load(with("--config-file=" + dir.resolve("nope.properties"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot read properties file");
    }

    @Test
    void helpListsEveryOptionWithDescriptionAndDefault() {
        assertThat(load("--help")).isEmpty();
        String text = help.toString();
        for (ConfigOption<?> o : SourceOptions.ALL.options()) {
            assertThat(text).contains("--" + o.key());
        }
        assertThat(text)
                .contains("MySQL port. (integer in 1..65535; default: 3306)")
                .contains("--config-file")
                .contains("--kafka.properties.<name>=<value>")
                .doesNotContain("--db_list");
    }
}
