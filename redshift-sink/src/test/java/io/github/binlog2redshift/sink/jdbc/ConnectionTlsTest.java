package io.github.binlog2redshift.sink.jdbc;

import static io.github.binlog2redshift.sink.jdbc.ConnectionRequestTest.fromConfig;
import static io.github.binlog2redshift.sink.jdbc.ConnectionRequestTest.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.SslMode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The TLS properties each driver gets for {@code sink.redshift.ssl-mode} and its root cert. */
class ConnectionTlsTest {

    @Test
    void postgresTlsModes() {
        ConnectionRequest full =
                fromConfig(
                        "sink.target=POSTGRES",
                        "sink.staging.path=file:///tmp/stage",
                        "sink.redshift.host=pg.abc.eu-west-1.rds.amazonaws.com",
                        "sink.redshift.database=shop",
                        "sink.redshift.username=app",
                        "sink.redshift.password=pw",
                        "sink.redshift.ssl-mode=VERIFY_FULL",
                        "sink.redshift.ssl-root-cert=/etc/ssl/rds/global-bundle.pem");
        assertThat(props(full))
                .containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "/etc/ssl/rds/global-bundle.pem")
                .doesNotContainKey("sslfactory");
        ConnectionRequest jvmTrust =
                ConnectionRequest.of(
                        ConnectionSettings.of(
                                        WarehouseKind.POSTGRES, "pg", 5432, "d", "u", "p", true)
                                .withTls(SslMode.VERIFY_CA, null));
        assertThat(props(jvmTrust))
                .containsEntry("sslmode", "verify-ca")
                .containsEntry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory")
                .doesNotContainKey("sslrootcert");
        ConnectionRequest off =
                ConnectionRequest.of(
                        ConnectionSettings.of(
                                WarehouseKind.POSTGRES, "pg", 5432, "d", "u", "p", false));
        assertThat(props(off)).containsEntry("sslmode", "disable");
    }

    @Test
    void redshiftTlsModes() {
        ConnectionRequest full =
                fromConfig(
                        "sink.redshift.host=rs1.abc123.eu-west-1.redshift.amazonaws.com",
                        "sink.redshift.database=dev",
                        "sink.redshift.username=loader",
                        "sink.redshift.password=pw",
                        "sink.redshift.ssl-mode=VERIFY_FULL",
                        "sink.redshift.ssl-root-cert=/etc/ssl/redshift-ca-bundle.crt");
        assertThat(props(full))
                .containsEntry("ssl", "true")
                .containsEntry("sslmode", "verify-full")
                .containsEntry("sslrootcert", "/etc/ssl/redshift-ca-bundle.crt");
        ConnectionRequest require =
                fromConfig(
                        "sink.redshift.auth=IAM",
                        "sink.redshift.workgroup=wg1",
                        "sink.redshift.region=eu-west-1",
                        "sink.redshift.database=dev",
                        "sink.redshift.ssl-mode=REQUIRE");
        assertThat(props(require)).containsEntry("sslmode", "require");
    }

    @Test
    void aMissingRootCertificateFailsBeforeTheDriver() {
        ConnectionProvider p =
                new ConnectionProvider(
                        ConnectionSettings.of(
                                        WarehouseKind.POSTGRES, "pg", 5432, "d", "u", "p", true)
                                .withTls(SslMode.VERIFY_FULL, "/nonexistent/root.pem"));
        assertThatThrownBy(p::open)
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "sink.redshift.ssl-root-cert /nonexistent/root.pem is not a readable file"
                                + " on this TaskManager");
    }
}
