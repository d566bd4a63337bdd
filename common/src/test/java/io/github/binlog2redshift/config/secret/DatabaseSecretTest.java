package io.github.binlog2redshift.config.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import org.junit.jupiter.api.Test;

class DatabaseSecretTest {

    /** What RDS writes for a managed MySQL secret (the fields a rotation Lambda expects). */
    private static final String RDS_MYSQL =
            "{\"engine\":\"mysql\",\"host\":\"shop.cluster-abc.eu-west-1.rds.amazonaws.com\","
                    + "\"port\":3306,\"username\":\"cdc\",\"password\":\"pw-9f8e\","
                    + "\"dbname\":\"shop\",\"dbClusterIdentifier\":\"shop\"}";

    @Test
    void readsTheRdsLayout() {
        DatabaseSecret s = DatabaseSecret.parse("prod/mysql", RDS_MYSQL);
        assertThat(s.engine()).contains("mysql");
        assertThat(s.host()).contains("shop.cluster-abc.eu-west-1.rds.amazonaws.com");
        assertThat(s.port()).hasValue(3306);
        assertThat(s.username()).contains("cdc");
        assertThat(s.password().orElseThrow().reveal()).isEqualTo("pw-9f8e");
        assertThat(s.database()).contains("shop");
        assertThat(s.presentFields())
                .containsExactly("engine", "host", "port", "username", "password", "dbname");
        assertThat(s.toString()).doesNotContain("pw-9f8e").contains("password=<hidden>");
    }

    @Test
    void aPasswordOnlySecretLeavesTheRestEmpty() {
        DatabaseSecret s = DatabaseSecret.parse("id", "{\"password\":\"p\",\"host\":\"\"}");
        assertThat(s.password()).isPresent();
        assertThat(s.host()).isEmpty();
        assertThat(s.port()).isEmpty();
        assertThat(s.username()).isEmpty();
        assertThat(s.presentFields()).containsExactly("password");
    }

    @Test
    void portMayBeAStringAndDatabaseAnAlias() {
        DatabaseSecret s = DatabaseSecret.parse("id", "{\"port\":\"3307\",\"database\":\"d\"}");
        assertThat(s.port()).hasValue(3307);
        assertThat(s.database()).contains("d");
    }

    @Test
    void aBadPortNamesTheSecretAndTheField() {
        assertThatThrownBy(() -> DatabaseSecret.parse("id", "{\"port\":\"mysql\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Secret 'id': field 'port' must be a port number in 1..65535, got 'mysql'");
        assertThatThrownBy(() -> DatabaseSecret.parse("id", "{\"port\":70000}"))
                .hasMessageContaining("1..65535");
    }

    @Test
    void notJsonNeverEchoesTheContent() {
        assertThatThrownBy(() -> DatabaseSecret.parse("prod/mysql", "hunter2-plain-password"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Secret 'prod/mysql' is not a JSON object")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseSecret.parse("id", "[\"hunter2\"]"))
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> DatabaseSecret.parse("id", "{\"password\":{\"v\":\"hunter2\"}}"))
                .hasMessage("Secret 'id': field 'password' is not a plain value");
    }

    @Test
    void theRegionOfAnArn() {
        assertThat(
                        SecretsManagerReader.regionOfArn(
                                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/mysql-AbCdEf"))
                .contains("eu-west-1");
        assertThat(SecretsManagerReader.regionOfArn("prod/mysql")).isEmpty();
        assertThat(SecretsManagerReader.regionOfArn("arn:aws:s3:::bucket")).isEmpty();
    }
}
