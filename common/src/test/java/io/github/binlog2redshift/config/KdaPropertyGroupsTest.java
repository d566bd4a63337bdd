package io.github.binlog2redshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KdaPropertyGroupsTest {

    @TempDir Path dir;

    private Path write(String json) throws IOException {
        Path f = dir.resolve("application_properties.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void readsTheServiceFormatThroughTheKdaLibrary() throws IOException {
        Path f =
                write(
                        """
                        [{"PropertyGroupId": "FlinkApplicationProperties",
                          "PropertyMap": {"source.hostname": "db1", "source.port": "3307"}},
                         {"PropertyGroupId": "kinesis.analytics.flink.run.options",
                          "PropertyMap": {"python": "x.py"}}]
                        """);
        List<Settings> sources = KdaPropertyGroups.read(f);
        assertThat(sources).hasSize(1);
        Settings s = sources.get(0);
        assertThat(s.get(SourceOptions.HOSTNAME)).isEqualTo("db1");
        assertThat(s.get(SourceOptions.PORT)).isEqualTo(3307);
        assertThat(s.raw("python")).isEmpty();
        assertThat(s.raw("source.port").orElseThrow().origin().toString())
                .isEqualTo("KDA property group 'FlinkApplicationProperties' in '" + f + "'");
    }

    @Test
    void legacyGroupComesFirstSoTheNewGroupWins() throws IOException {
        Path f =
                write(
                        """
                        [{"PropertyGroupId": "FlinkApplicationProperties", "PropertyMap": {"source.port": "2"}},
                         {"PropertyGroupId": "FlinkAppProperties", "PropertyMap": {"host": "db:1"}}]
                        """);
        List<Settings> sources = KdaPropertyGroups.read(f);
        assertThat(sources).hasSize(2);
        Settings merged = new ConfigLoader(SourceOptions.ALL).merge(sources);
        assertThat(merged.get(SourceOptions.PORT)).isEqualTo(2);
        assertThat(merged.get(SourceOptions.HOSTNAME)).isEqualTo("db");
    }

    @Test
    void malformedOrMissingFileIsAConfigError() throws IOException {
        Path f = write("{not json");
        assertThatThrownBy(() -> KdaPropertyGroups.read(f))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot read KDA application properties from '" + f + "'")
                .hasMessageContaining("PropertyGroupId");
        assertThatThrownBy(() -> KdaPropertyGroups.read(dir.resolve("missing.json")))
                .isInstanceOf(ConfigException.class);
    }
}
