package io.github.binlog2redshift.sink.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazon.redshift.Driver;
import com.amazon.redshift.RedshiftProperty;
import com.amazon.redshift.util.RedshiftProperties;
import io.github.binlog2redshift.config.ConfigLoader;
import io.github.binlog2redshift.config.Origin;
import io.github.binlog2redshift.config.Settings;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.SslMode;
import io.github.binlog2redshift.sink.internal.SinkConfigMapping;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.postgresql.PGProperty;

/**
 * The URL and properties handed to the drivers, as text; IAM forms are also read back with the
 * Redshift driver's own URL parser, which is what decides cluster, region and Serverless.
 */
class ConnectionRequestTest {

    private static final Set<String> REDSHIFT_PROPERTIES =
            Arrays.stream(RedshiftProperty.values())
                    .map(p -> p.getName().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toSet());

    static Map<Object, Object> props(ConnectionRequest r) {
        return new TreeMap<>(r.properties());
    }

    /** What the Redshift driver makes of URL and properties (URL-derived values win). */
    private static Properties asDriverSees(ConnectionRequest r) throws Exception {
        return Driver.parseURL(r.url(), new RedshiftProperties(r.properties()));
    }

    /** The request for a sink configuration of {@code entries} (key=value) over a minimal one. */
    static ConnectionRequest fromConfig(String... entries) {
        Map<String, String> m = new TreeMap<>();
        m.put("kafka.bootstrap-servers", "localhost:9092");
        m.put("kafka.topics", "cdc");
        m.put("sink.redshift.iam-role", "arn:aws:iam::1:role/copy");
        m.put("sink.staging.path", "s3://bucket/stage");
        for (String e : entries) {
            m.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
        }
        Settings s = Settings.of(m, Origin.propertiesFile("test.properties"));
        SinkConfig config = SinkConfig.from(new ConfigLoader(SinkOptions.ALL).merge(List.of(s)));
        return ConnectionRequest.of(SinkConfigMapping.connection(config));
    }

    @Test
    void passwordLogins() {
        ConnectionRequest pg =
                ConnectionRequest.of(
                        ConnectionSettings.of(
                                WarehouseKind.POSTGRES, "pg", 5432, "shop", "u", "pw", true));
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://pg:5432/shop");
        assertThat(props(pg))
                .containsExactlyEntriesOf(
                        new TreeMap<>(
                                Map.of(
                                        "user", "u",
                                        "password", "pw",
                                        "sslmode", "require",
                                        "ApplicationName", "binlog2redshift")));
        ConnectionRequest rs =
                ConnectionRequest.of(
                        ConnectionSettings.of(
                                WarehouseKind.REDSHIFT, "rs", 5439, "dev", "u", "pw", false));
        assertThat(rs.url()).isEqualTo("jdbc:redshift://rs:5439/dev");
        assertThat(props(rs))
                .containsEntry("ssl", "false")
                .containsEntry("user", "u")
                .doesNotContainKey("sslmode");
        assertThat(rs.toString()).doesNotContain("pw").contains("password=<hidden>");
    }

    @Test
    void aUsersUrlCarriesItsOwnSettings() {
        ConnectionRequest r =
                ConnectionRequest.of(
                        new ConnectionSettings(
                                WarehouseKind.REDSHIFT,
                                "jdbc:redshift://rs:5439/dev?ssl=true",
                                null,
                                5439,
                                null,
                                "u",
                                "pw",
                                null,
                                null,
                                true));
        assertThat(r.url()).isEqualTo("jdbc:redshift://rs:5439/dev?ssl=true");
        assertThat(props(r)).containsOnlyKeys("user", "password");
    }

    @Test
    void provisionedEndpointForm() throws Exception {
        ConnectionRequest r =
                fromConfig(
                        "sink.redshift.auth=IAM",
                        "sink.redshift.host=rs1.abc123.eu-west-1.redshift.amazonaws.com",
                        "sink.redshift.database=dev",
                        "sink.redshift.db-user=loader",
                        "sink.redshift.auto-create=true",
                        "sink.redshift.db-groups=etl,readers");
        assertThat(r.url())
                .isEqualTo(
                        "jdbc:redshift:iam://rs1.abc123.eu-west-1.redshift.amazonaws.com:5439/dev");
        assertThat(props(r))
                .containsExactlyEntriesOf(
                        new TreeMap<>(
                                Map.of(
                                        "dbuser", "loader",
                                        "autocreate", "true",
                                        "dbgroups", "etl,readers",
                                        "ssl", "true",
                                        "sslmode", "verify-ca",
                                        "ApplicationName", "binlog2redshift")));
        Properties seen = asDriverSees(r);
        assertThat(seen.getProperty("iamauth")).isEqualTo("true");
        assertThat(seen.getProperty("clusterid")).isEqualTo("rs1");
        assertThat(seen.getProperty("region")).isEqualTo("eu-west-1");
        assertThat(seen.getProperty("dbuser")).isEqualTo("loader");
    }

    @Test
    void provisionedClusterIdForm() throws Exception {
        ConnectionRequest r =
                fromConfig(
                        "sink.redshift.auth=IAM",
                        "sink.redshift.cluster-id=rs1",
                        "sink.redshift.region=eu-west-1",
                        "sink.redshift.database=dev",
                        "sink.redshift.db-user=loader");
        assertThat(r.url()).isEqualTo("jdbc:redshift:iam://rs1:eu-west-1/dev");
        assertThat(props(r))
                .containsEntry("clusterid", "rs1")
                .containsEntry("region", "eu-west-1")
                .containsEntry("dbuser", "loader")
                .doesNotContainKeys("autocreate", "dbgroups", "user", "password");
        Properties seen = asDriverSees(r);
        assertThat(seen.getProperty("clusterid")).isEqualTo("rs1");
        assertThat(seen.getProperty("region")).isEqualTo("eu-west-1");
        assertThat(seen.getProperty("dbname")).isEqualTo("dev");
        assertThat(seen.getProperty("host")).isNull();
    }

    @Test
    void serverlessEndpointForm() throws Exception {
        ConnectionRequest r =
                fromConfig(
                        "sink.redshift.auth=IAM",
                        "sink.redshift.host=wg1.123456789012.eu-west-1.redshift-serverless.amazonaws.com",
                        "sink.redshift.database=dev");
        assertThat(r.url())
                .isEqualTo(
                        "jdbc:redshift:iam://wg1.123456789012.eu-west-1.redshift-serverless.amazonaws.com:5439/dev");
        assertThat(props(r)).containsEntry("isserverless", "true").doesNotContainKey("dbuser");
        Properties seen = asDriverSees(r);
        assertThat(seen.getProperty("serverlessworkgroup")).isEqualTo("wg1");
        assertThat(seen.getProperty("serverlessacctid")).isEqualTo("123456789012");
        assertThat(seen.getProperty("region")).isEqualTo("eu-west-1");
    }

    @Test
    void serverlessWorkgroupForm() throws Exception {
        ConnectionRequest r =
                fromConfig(
                        "sink.redshift.auth=IAM",
                        "sink.redshift.workgroup=wg1",
                        "sink.redshift.region=eu-west-1",
                        "sink.redshift.database=dev");
        assertThat(r.url()).isEqualTo("jdbc:redshift:iam://wg1:eu-west-1/dev");
        assertThat(props(r))
                .containsEntry("isserverless", "true")
                .containsEntry("serverlessworkgroup", "wg1")
                .containsEntry("region", "eu-west-1");
        Properties seen = asDriverSees(r);
        assertThat(seen.getProperty("isserverless")).isEqualTo("true");
        assertThat(seen.getProperty("serverlessworkgroup")).isEqualTo("wg1");
        assertThat(seen.getProperty("iamauth")).isEqualTo("true");
    }

    @Test
    void everyPropertyIsOneTheDriverKnows() {
        List<ConnectionRequest> redshift =
                List.of(
                        fromConfig(
                                "sink.redshift.auth=IAM",
                                "sink.redshift.cluster-id=rs1",
                                "sink.redshift.region=eu-west-1",
                                "sink.redshift.database=dev",
                                "sink.redshift.db-user=loader",
                                "sink.redshift.auto-create=true",
                                "sink.redshift.db-groups=etl"),
                        fromConfig(
                                "sink.redshift.auth=IAM",
                                "sink.redshift.workgroup=wg1",
                                "sink.redshift.region=eu-west-1",
                                "sink.redshift.database=dev"),
                        ConnectionRequest.of(
                                ConnectionSettings.of(
                                                WarehouseKind.REDSHIFT, "h", 1, "d", "u", "p", true)
                                        .withTls(SslMode.VERIFY_FULL, "/etc/root.pem")));
        for (ConnectionRequest r : redshift) {
            for (Object key : r.properties().keySet()) {
                assertThat(REDSHIFT_PROPERTIES).contains(key.toString().toLowerCase(Locale.ROOT));
            }
        }
        for (String rootCert : new String[] {null, "/etc/root.pem"}) {
            ConnectionRequest pg =
                    ConnectionRequest.of(
                            ConnectionSettings.of(
                                            WarehouseKind.POSTGRES, "h", 1, "d", "u", "p", true)
                                    .withTls(SslMode.VERIFY_FULL, rootCert));
            for (Object key : pg.properties().keySet()) {
                assertThat(PGProperty.forName(key.toString()))
                        .as("pgjdbc knows %s", key)
                        .isNotNull();
            }
        }
    }
}
