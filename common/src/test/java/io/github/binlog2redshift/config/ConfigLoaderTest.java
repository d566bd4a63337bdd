package io.github.binlog2redshift.config;

import static io.github.binlog2redshift.config.TestSettings.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(SourceOptions.ALL);
    private final Origin kda = Origin.kdaGroup(KdaPropertyGroups.GROUP, "app.json");

    @Test
    void precedenceIsFileThenKdaThenCommandLine() {
        Settings merged =
                loader.merge(
                        List.of(
                                Settings.of(
                                        map(
                                                "source.port=1",
                                                "source.hostname=f",
                                                "source.username=f"),
                                        TestSettings.FILE),
                                Settings.of(map("source.port=2", "source.hostname=k"), kda),
                                Settings.of(map("source.port=3"), Origin.commandLine())));
        assertThat(merged.get(SourceOptions.PORT)).isEqualTo(3);
        assertThat(merged.get(SourceOptions.HOSTNAME)).isEqualTo("k");
        assertThat(merged.get(SourceOptions.USERNAME)).isEqualTo("f");
        assertThat(merged.get(SourceOptions.SNAPSHOT_CHUNK_SIZE)).isEqualTo(8096);
    }

    @Test
    void legacyKeyInHigherSourceBeatsNewKeyInLowerSource() {
        Settings merged =
                loader.merge(
                        List.of(
                                Settings.of(map("source.hostname=new-style"), TestSettings.FILE),
                                Settings.of(map("host=old-style:3307"), Origin.commandLine())));
        assertThat(merged.get(SourceOptions.HOSTNAME)).isEqualTo("old-style");
        assertThat(merged.get(SourceOptions.PORT)).isEqualTo(3307);
    }

    @Test
    void unknownKeysAreRejectedWithSuggestions() {
        assertThatThrownBy(
                        () ->
                                loader.merge(
                                        List.of(
                                                Settings.of(
                                                        map(
                                                                "source.hostnmae=db",
                                                                "source.server_id=5400",
                                                                "zzz=1"),
                                                        TestSettings.FILE))))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Unknown options 'source.hostnmae' (from properties file 'test.properties'); did you"
                                + " mean 'source.hostname'?, 'source.server_id' (from properties file"
                                + " 'test.properties'); did you mean 'source.server-id'?, 'zzz' (from properties"
                                + " file 'test.properties'). Run with --help or see docs/configuration.md for the"
                                + " cdc-source options.");
    }

    @Test
    void suggestsLegacyKeysToo() {
        assertThatThrownBy(
                        () ->
                                loader.merge(
                                        List.of(
                                                Settings.of(
                                                        map("db_lst=shop"), TestSettings.FILE))))
                .hasMessageContaining("did you mean 'db_list'?");
    }

    @Test
    void sinkOnlyKeysAreUnknownToTheSource() {
        assertThatThrownBy(
                        () ->
                                loader.merge(
                                        List.of(
                                                Settings.of(
                                                        map("sink.target=REDSHIFT"),
                                                        TestSettings.FILE))))
                .hasMessageContaining("Unknown option 'sink.target'");
    }
}
