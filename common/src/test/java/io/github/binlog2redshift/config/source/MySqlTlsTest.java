package io.github.binlog2redshift.config.source;

import static io.github.binlog2redshift.config.TestSettings.validSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.SourceOptions;
import io.github.binlog2redshift.config.TestSettings;
import org.junit.jupiter.api.Test;

class MySqlTlsTest {

    private static MySqlTls tls(String... extra) {
        return SourceConfig.from(TestSettings.load(SourceOptions.ALL, validSource(extra)))
                .mysql()
                .tls();
    }

    @Test
    void preferredByDefault() {
        MySqlTls t = tls();
        assertThat(t.mode()).isEqualTo(MySqlSslMode.PREFERRED);
        assertThat(t.trustStore()).isEmpty();
        assertThat(t.keyStore()).isEmpty();
    }

    @Test
    void storesWithPasswordsMaskedInToString() {
        MySqlTls t =
                tls(
                        "source.ssl.mode=verify-identity",
                        "source.ssl.trust-store=/etc/cdc/rds-ca.p12",
                        "source.ssl.trust-store-password=trust-pw-1",
                        "source.ssl.key-store=/etc/cdc/client.jks",
                        "source.ssl.key-store-type=jks",
                        "source.ssl.key-store-password=key-pw-2");
        assertThat(t.mode()).isEqualTo(MySqlSslMode.VERIFY_IDENTITY);
        MySqlTls.Store trust = t.trustStore().orElseThrow();
        assertThat(trust.path()).isEqualTo("/etc/cdc/rds-ca.p12");
        assertThat(trust.type()).isEqualTo(KeyStoreType.PKCS12);
        assertThat(trust.password().orElseThrow().reveal()).isEqualTo("trust-pw-1");
        assertThat(t.keyStore().orElseThrow().type()).isEqualTo(KeyStoreType.JKS);
        assertThat(t.toString()).doesNotContain("trust-pw-1").doesNotContain("key-pw-2");
    }

    @Test
    void aStoreWithTlsDisabledIsAContradiction() {
        assertThatThrownBy(() -> tls("source.ssl.mode=DISABLED", "source.ssl.trust-store=/x.p12"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "'source.ssl.trust-store' (from properties file 'test.properties') must not"
                                + " be set when source.ssl.mode is DISABLED");
    }

    @Test
    void aPasswordWithoutItsStoreIsRejectedWithoutShowingIt() {
        assertThatThrownBy(() -> tls("source.ssl.trust-store-password=trust-pw-1"))
                .hasMessageContaining(
                        "'source.ssl.trust-store-password' (from properties file"
                                + " 'test.properties') must not be set when source.ssl.trust-store"
                                + " is not set")
                .hasMessageNotContaining("trust-pw-1");
    }

    @Test
    void unknownModeNamesTheChoices() {
        assertThatThrownBy(() -> tls("source.ssl.mode=verify-full"))
                .hasMessageContaining("'source.ssl.mode'")
                .hasMessageContaining("VERIFY_IDENTITY");
    }
}
