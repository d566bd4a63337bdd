package io.github.binlog2redshift.config.sink;

import static io.github.binlog2redshift.config.TestSettings.validSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.TestSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code sink.redshift.ssl-mode} and {@code ssl-root-cert}: defaults per target and refused mixes.
 */
class TargetConnectionTlsTest {

    private static TargetConnection connection(Map<String, String> values) {
        return SinkConfig.from(TestSettings.load(SinkOptions.ALL, values)).connection();
    }

    private static Map<String, String> postgres(String... extra) {
        Map<String, String> m = validSink(extra);
        m.put("sink.target", "POSTGRES");
        m.put("sink.staging.path", "file:///tmp/stage");
        return m;
    }

    @Test
    void defaultsKeepWhatEachDriverDidWithSslTrue() {
        assertThat(connection(validSink()).sslMode()).isEqualTo(SslMode.VERIFY_CA);
        assertThat(connection(postgres()).sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(connection(postgres("sink.redshift.ssl=false")).sslMode())
                .isEqualTo(SslMode.DISABLE);
        assertThat(connection(postgres("sink.redshift.ssl=false")).ssl()).isFalse();
    }

    @Test
    void verifyFullWithARootCertificate() {
        TargetConnection c =
                connection(
                        postgres(
                                "sink.redshift.ssl-mode=verify_full",
                                "sink.redshift.ssl-root-cert=/etc/ssl/rds/global-bundle.pem"));
        assertThat(c.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        assertThat(c.sslRootCert()).contains("/etc/ssl/rds/global-bundle.pem");
        assertThat(c.ssl()).isTrue();
        assertThat(SslMode.VERIFY_FULL.driverValue()).isEqualTo("verify-full");
    }

    @Test
    void aRootCertificateNeedsAVerifyingMode() {
        assertThatThrownBy(
                        () ->
                                connection(
                                        postgres(
                                                "sink.redshift.ssl-mode=REQUIRE",
                                                "sink.redshift.ssl-root-cert=/etc/root.pem")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Option 'sink.redshift.ssl-root-cert' (from properties file"
                                + " 'test.properties') must not be set when the TLS mode is REQUIRE"
                                + " (only VERIFY_CA and VERIFY_FULL check the server certificate)");
        assertThatThrownBy(() -> connection(postgres("sink.redshift.ssl-root-cert=/etc/root.pem")))
                .hasMessageContaining("the TLS mode is REQUIRE");
    }

    @Test
    void sslModeReplacesTheBooleanAndTheUrlCarriesItsOwn() {
        assertThatThrownBy(
                        () ->
                                connection(
                                        validSink(
                                                "sink.redshift.ssl=true",
                                                "sink.redshift.ssl-mode=VERIFY_FULL")))
                .hasMessageContaining("'sink.redshift.ssl'")
                .hasMessageContaining("'sink.redshift.ssl-mode'")
                .hasMessageContaining("mutually exclusive");
        Map<String, String> url = validSink("sink.jdbc.url=jdbc:redshift://h:5439/dev");
        url.remove("sink.redshift.host");
        url.remove("sink.redshift.database");
        url.put("sink.redshift.ssl-mode", "VERIFY_FULL");
        assertThatThrownBy(() -> connection(url))
                .hasMessageContaining("'sink.jdbc.url'")
                .hasMessageContaining("'sink.redshift.ssl-mode'");
    }

    @Test
    void iamNeedsTls() {
        Map<String, String> m =
                validSink("sink.redshift.auth=IAM", "sink.redshift.ssl-mode=DISABLE");
        m.remove("sink.redshift.username");
        m.remove("sink.redshift.password");
        m.put("sink.redshift.db-user", "loader");
        assertThatThrownBy(() -> connection(m))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "expected REQUIRE, VERIFY_CA or VERIFY_FULL (IAM authentication requires"
                                + " TLS)");
    }
}
