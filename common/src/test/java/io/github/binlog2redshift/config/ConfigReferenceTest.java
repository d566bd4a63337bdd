package io.github.binlog2redshift.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.DeliveryGuarantee;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.StartupMode;
import io.github.binlog2redshift.config.source.TopicRouting;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md equals the generated text, and every example in it parses. */
class ConfigReferenceTest {

    /** Surefire runs in common/; the doc lives at the repository root. */
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @TempDir Path dir;

    @Test
    void checkedInDocMatchesTheCatalogues() throws IOException {
        String generated = ConfigReference.markdown();
        if (Boolean.getBoolean("binlog2redshift.update-docs")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as(
                        "docs/configuration.md is stale; regenerate with -Dbinlog2redshift.update-docs=true")
                .isEqualTo(generated);
    }

    @Test
    void docListsEveryKeyAndLegacyKey() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (OptionCatalog c : List.of(SourceOptions.ALL, SinkOptions.ALL)) {
            c.options().forEach(o -> assertThat(doc).contains("`" + o.key()));
            c.legacyKeys()
                    .mappings()
                    .forEach(m -> assertThat(doc).contains("| `" + m.oldKey() + "` |"));
        }
    }

    @Test
    void documentedSourceExamplesParse() throws IOException {
        List<String> blocks = blocks("properties");
        SourceConfig cfg = SourceConfig.from(loadProperties(SourceOptions.ALL, blocks.get(0)));
        assertThat(cfg.kafka().routing()).isEqualTo(TopicRouting.PER_DATABASE);
        assertThat(cfg.kafka().deliveryGuarantee()).isEqualTo(DeliveryGuarantee.EXACTLY_ONCE);
        assertThat(cfg.kafka().topicFor("shop", "orders_1")).isEqualTo("cdc_shop");
        assertThat(cfg.kafka().properties().values())
                .containsEntry("sasl.mechanism", "AWS_MSK_IAM");
        assertThat(cfg.captures("shop", "orders_12")).isTrue();
        assertThat(cfg.captures("shop", "orders_12_old")).isFalse();
        assertThat(cfg.pkOverrideFor("shop", "orders_12").orElseThrow().primaryKey())
                .containsExactly("order_id", "region");
        assertThat(cfg.serverId().orElseThrow().size()).isEqualTo(4);

        List<String> json = blocks("json");
        SourceConfig kda = SourceConfig.from(loadKda(SourceOptions.ALL, json.get(0)));
        assertThat(kda.kafka().topic()).contains("cdc_all");

        SourceConfig legacy = SourceConfig.from(loadKda(SourceOptions.ALL, json.get(1)));
        assertThat(legacy.mysql().hostname()).isEqualTo("mysql.internal.example.com");
        assertThat(legacy.startup().mode()).isEqualTo(StartupMode.SPECIFIC_OFFSET);
        assertThat(legacy.startup().binlogFile()).contains("mysql-bin.000003");
        assertThat(legacy.kafka().routing()).isEqualTo(TopicRouting.PER_DATABASE);
        assertThat(legacy.kafka().transactionalIdPrefix()).contains("cdc-source-shop");
    }

    @Test
    void documentedSinkExampleParses() throws IOException {
        SinkConfig cfg =
                SinkConfig.from(loadProperties(SinkOptions.ALL, blocks("properties").get(1)));
        assertThat(cfg.connection().secretId()).contains("prod/redshift/loader");
        assertThat(cfg.tables().targetFor("shop", "orders_3").table()).isEqualTo("orders");
        assertThat(cfg.tables().targetFor("shop", "customers").table())
                .isEqualTo("shop__customers");
        assertThat(cfg.tables().loads("crm", "tmp_import")).isFalse();
        assertThat(cfg.pipeline().checkpointInterval().orElseThrow().toMinutes()).isEqualTo(1);
    }

    @Test
    void helpOfBothJobsRenders() {
        for (OptionCatalog c : List.of(SourceOptions.ALL, SinkOptions.ALL)) {
            StringWriter out = new StringWriter();
            new JobCommandLine(c, dir.resolve("none"), new PrintWriter(out))
                    .load(new String[] {"--help"});
            assertThat(out.toString()).contains("Usage: " + c.jobName());
        }
    }

    private Settings loadProperties(OptionCatalog catalog, String text) throws IOException {
        Path f = Files.writeString(dir.resolve(catalog.jobName() + ".properties"), text);
        return new JobCommandLine(catalog, dir.resolve("none"), new PrintWriter(new StringWriter()))
                .load(new String[] {"--config-file", f.toString()})
                .orElseThrow();
    }

    private Settings loadKda(OptionCatalog catalog, String json) throws IOException {
        Path f = Files.writeString(dir.resolve("application_properties.json"), json);
        return new JobCommandLine(catalog, f, new PrintWriter(new StringWriter()))
                .load(new String[0])
                .orElseThrow();
    }

    private static List<String> blocks(String language) throws IOException {
        Matcher m =
                Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL)
                        .matcher(Files.readString(DOC, StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
