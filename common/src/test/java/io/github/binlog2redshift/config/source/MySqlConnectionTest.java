package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.TestSettings.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.TestSettings;
import io.github.binlog2redshift.config.secret.SecretReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** source.secret-id merged with the explicit options, with a map standing in for AWS. */
class MySqlConnectionTest {

    private final List<String> asked = new ArrayList<>();

    private SecretReader secrets(Map<String, String> byId) {
        return (id, region) -> {
            asked.add(id + "@" + region.orElse("default"));
            String value = byId.get(id);
            if (value == null) {
                throw new ConfigException("no secret " + id);
            }
            return value;
        };
    }

    private static Map<String, String> base(String... extra) {
        Map<String, String> m = map("source.database-list=shop", "kafka.bootstrap-servers=k:9092");
        m.putAll(map(extra));
        return m;
    }

    private MySqlConnection connection(Map<String, String> values, SecretReader secrets) {
        return MySqlConnection.from(TestSettings.load(SourceOptions.ALL, values), secrets);
    }

    @Test
    void everythingFromAnRdsSecret() {
        MySqlConnection c =
                connection(
                        base("source.secret-id=prod/mysql", "source.secret-region=eu-west-1"),
                        secrets(
                                Map.of(
                                        "prod/mysql",
                                        "{\"engine\":\"mysql\",\"host\":\"db.rds\",\"port\":3307,"
                                                + "\"username\":\"cdc\",\"password\":\"pw\","
                                                + "\"dbname\":\"shop\"}")));
        assertThat(c.hostname()).isEqualTo("db.rds");
        assertThat(c.port()).isEqualTo(3307);
        assertThat(c.username()).isEqualTo("cdc");
        assertThat(c.password().reveal()).isEqualTo("pw");
        assertThat(asked).containsExactly("prod/mysql@eu-west-1");
    }

    @Test
    void optionsFillWhatTheSecretLacks() {
        MySqlConnection c =
                connection(
                        base(
                                "source.secret-id=pw-only",
                                "source.hostname=replica.internal",
                                "source.username=cdc"),
                        secrets(Map.of("pw-only", "{\"password\":\"pw\"}")));
        assertThat(c.hostname()).isEqualTo("replica.internal");
        assertThat(c.port()).isEqualTo(3306);
        assertThat(c.username()).isEqualTo("cdc");
        assertThat(c.password().reveal()).isEqualTo("pw");
    }

    @Test
    void theSecretWinsOverAnOption() {
        MySqlConnection c =
                connection(
                        base(
                                "source.secret-id=s",
                                "source.username=old-user",
                                "source.port=3399",
                                "source.hostname=h"),
                        secrets(
                                Map.of(
                                        "s",
                                        "{\"username\":\"new\",\"password\":\"p\",\"port\":1}")));
        assertThat(c.username()).isEqualTo("new");
        assertThat(c.port()).isEqualTo(1);
        assertThat(c.hostname()).isEqualTo("h");
    }

    @Test
    void missingFieldsNameTheSecretFieldsAndOptions() {
        assertThatThrownBy(
                        () ->
                                connection(
                                        base("source.secret-id=half"),
                                        secrets(Map.of("half", "{\"username\":\"u\"}"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "The MySQL connection is incomplete: secret 'half' has no 'host' and"
                                + " option 'source.hostname' is not set; secret 'half' has no"
                                + " 'password' and option 'source.password' is not set. Add the"
                                + " fields to the secret or set the options.");
    }

    @Test
    void withoutASecretTheOptionsAreRequiredAndAwsIsNotAsked() {
        assertThatThrownBy(() -> connection(base("source.hostname=h"), secrets(Map.of())))
                .hasMessageContaining("Missing required option 'source.username'");
        MySqlConnection c =
                connection(
                        base("source.hostname=h", "source.username=u", "source.password=p"),
                        secrets(Map.of()));
        assertThat(c.password().reveal()).isEqualTo("p");
        assertThat(asked).isEmpty();
    }

    @Test
    void aRegionWithoutASecretIsRejected() {
        assertThatThrownBy(
                        () ->
                                connection(
                                        base(
                                                "source.hostname=h",
                                                "source.username=u",
                                                "source.password=p",
                                                "source.secret-region=eu-west-1"),
                                        secrets(Map.of())))
                .hasMessageContaining(
                        "'source.secret-region' (from properties file 'test.properties') must not"
                                + " be set when source.secret-id is not set");
    }

    @Test
    void theSecretIdIsNotTheSecret() {
        assertThat(SourceOptions.SECRET_ID.isSecret()).isFalse();
        assertThat(SourceOptions.PASSWORD.isSecret()).isTrue();
    }
}
