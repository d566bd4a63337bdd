package io.github.binlog2redshift.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.mysql.cj.conf.ConnectionUrl;
import io.debezium.connector.mysql.MySqlConnection.MySqlConnectionConfiguration;
import io.debezium.connector.mysql.MySqlConnectorConfig.SecureConnectionMode;
import io.github.binlog2redshift.config.source.SourceConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.cdc.connectors.mysql.source.MySqlSource;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfig;
import org.junit.jupiter.api.Test;

/**
 * source.ssl.* reach both clients of the MySqlSource the job builds: Debezium's database.ssl.* (the
 * binlog client) and the JDBC properties Flink CDC puts in its connection URLs.
 */
class MySqlTlsPropertiesTest {

    /** Characters that would break a URL query if not encoded. */
    private static final String TRUST_PW = "tr&st pw+%=1";

    private static final SourceConfig VERIFYING =
            TestConfigs.source(
                    "source.ssl.mode=VERIFY_CA",
                    "source.ssl.trust-store=/etc/cdc/ca store.p12",
                    "source.ssl.trust-store-password=" + TRUST_PW,
                    "source.ssl.key-store=/etc/cdc/client.jks",
                    "source.ssl.key-store-type=JKS",
                    "source.ssl.key-store-password=key-pw");

    private static MySqlSourceConfig built(SourceConfig config) {
        MySqlSource<SourceChange> source = MySqlSourceFactory.create(config);
        return source.getConfigFactory().createConfig(0);
    }

    @Test
    void theBinlogClientGetsDebeziumSslSettings() {
        MySqlSourceConfig built = built(VERIFYING);
        Properties dbz = built.getDbzProperties();
        assertThat(dbz)
                .containsEntry("database.ssl.mode", "verify_ca")
                .containsEntry("database.ssl.truststore", "/etc/cdc/ca store.p12")
                .containsEntry("database.ssl.truststore.password", TRUST_PW)
                .containsEntry("database.ssl.keystore", "/etc/cdc/client.jks")
                .containsEntry("database.ssl.keystore.password", "key-pw");
        // What DebeziumUtils.createBinaryClient reads back.
        MySqlConnectionConfiguration conn =
                new MySqlConnectionConfiguration(
                        built.getDbzConfiguration(), built.getJdbcProperties());
        assertThat(conn.sslMode()).isEqualTo(SecureConnectionMode.VERIFY_CA);
        assertThat(conn.sslTrustStore()).isEqualTo("/etc/cdc/ca store.p12");
        assertThat(new String(conn.sslTrustStorePassword())).isEqualTo(TRUST_PW);
        assertThat(conn.sslKeyStore()).isEqualTo("/etc/cdc/client.jks");
    }

    @Test
    void theJdbcUrlCarriesConnectorJSettingsThatDecodeBack() {
        MySqlSourceConfig built = built(VERIFYING);
        MySqlConnectionConfiguration conn =
                new MySqlConnectionConfiguration(
                        built.getDbzConfiguration(), built.getJdbcProperties());
        String url =
                conn.getUrlPattern()
                        .replace("${hostname}", "db")
                        .replace("${port}", "3306")
                        .replace("${connectTimeout}", "1000");
        Map<String, String> parsed =
                ConnectionUrl.getConnectionUrlInstance(url, new Properties())
                        .getMainHost()
                        .getHostProperties();
        assertThat(parsed)
                .containsEntry("sslMode", "VERIFY_CA")
                .containsEntry("trustCertificateKeyStoreUrl", "file:///etc/cdc/ca%20store.p12")
                .containsEntry("trustCertificateKeyStoreType", "PKCS12")
                .containsEntry("trustCertificateKeyStorePassword", TRUST_PW)
                .containsEntry("clientCertificateKeyStoreUrl", "file:///etc/cdc/client.jks")
                .containsEntry("clientCertificateKeyStoreType", "JKS")
                .containsEntry("clientCertificateKeyStorePassword", "key-pw");
    }

    @Test
    void thePreflightGetsTheSameSettingsRaw() {
        Properties p = MySqlTlsProperties.jdbc(VERIFYING.mysql().tls());
        assertThat(p)
                .containsEntry("sslMode", "VERIFY_CA")
                .containsEntry("trustCertificateKeyStorePassword", TRUST_PW);
    }

    @Test
    void disabledIsSaidToBothClients() {
        MySqlSourceConfig built = built(TestConfigs.source("source.ssl.mode=disabled"));
        assertThat(built.getDbzProperties()).containsEntry("database.ssl.mode", "disabled");
        assertThat(built.getJdbcProperties()).containsEntry("sslMode", "DISABLED");
        assertThat(built.getDbzProperties()).doesNotContainKey("database.ssl.truststore");
    }
}
