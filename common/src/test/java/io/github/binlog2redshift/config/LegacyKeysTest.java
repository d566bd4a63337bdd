package io.github.binlog2redshift.config;

import static io.github.binlog2redshift.config.TestSettings.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generic mechanism; the per-job tables have their own tests. */
class LegacyKeysTest {

    private static final LegacyKeys TABLE =
            new LegacyKeys(
                    List.of(
                            LegacyKeyMapping.rename("username", SourceOptions.USERNAME),
                            LegacyKeyMapping.rename("password", SourceOptions.PASSWORD),
                            LegacyKeyMapping.translate(
                                    "endpoint",
                                    "host:port",
                                    v -> {
                                        String[] hp = v.split(":");
                                        if (hp.length != 2) {
                                            throw new IllegalArgumentException("no port");
                                        }
                                        return Map.of(
                                                "source.hostname", hp[0], "source.port", hp[1]);
                                    },
                                    SourceOptions.HOSTNAME,
                                    SourceOptions.PORT)));

    @Test
    void renamesAndRecordsTheLegacyKeyInTheOrigin() {
        Settings out = TABLE.apply(file("username=cdc", "source.database-list=shop"));
        assertThat(out.raw("source.username").orElseThrow().value()).isEqualTo("cdc");
        assertThat(out.raw("source.username").orElseThrow().origin().toString())
                .isEqualTo("properties file 'test.properties', legacy key 'username'");
        assertThat(out.raw("username")).isEmpty();
        assertThat(out.raw("source.database-list")).isPresent();
    }

    @Test
    void translatesOneKeyIntoSeveral() {
        Settings out = TABLE.apply(file("endpoint=db1:3307"));
        assertThat(out.get(SourceOptions.HOSTNAME)).isEqualTo("db1");
        assertThat(out.get(SourceOptions.PORT)).isEqualTo(3307);
    }

    @Test
    void malformedOldValueNamesOldKeyAndExpectation() {
        assertThatThrownBy(() -> TABLE.apply(file("endpoint=db1")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Invalid value for 'endpoint' (from properties file 'test.properties'): expected a"
                                + " value of the reference implementation's 'endpoint' (host:port), got 'db1'"
                                + " (no port)");
    }

    @Test
    void conflictingOldAndNewKeysInOneSourceAreAnError() {
        assertThatThrownBy(() -> TABLE.apply(file("username=a", "source.username=b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Conflicting values for 'source.username'")
                .hasMessageContaining("legacy key 'username'");
    }

    @Test
    void agreeingOldAndNewKeysAreFine() {
        assertThat(TABLE.apply(file("username=a", "source.username=a")).get(SourceOptions.USERNAME))
                .isEqualTo("a");
    }

    @Test
    void secretOldValuesAreNeverShown() {
        LegacyKeys t =
                new LegacyKeys(
                        List.of(
                                new LegacyKeyMapping(
                                        "pw",
                                        List.of("source.password"),
                                        "x",
                                        true,
                                        v -> {
                                            throw new IllegalArgumentException("bad " + v);
                                        })));
        assertThatThrownBy(() -> t.apply(file("pw=hunter2"))).hasMessageNotContaining("hunter2");
    }

    @Test
    void duplicateOldKeysAreAProgrammingError() {
        assertThatThrownBy(
                        () ->
                                new LegacyKeys(
                                        List.of(
                                                LegacyKeyMapping.rename(
                                                        "a", SourceOptions.USERNAME),
                                                LegacyKeyMapping.rename(
                                                        "a", SourceOptions.PASSWORD))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
