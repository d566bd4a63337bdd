package io.github.binlog2redshift.config.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.SinkOptions;
import io.github.binlog2redshift.config.TestSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code sink.redshift.auth=IAM}: the provisioned and Serverless forms and every refused mix. */
class TargetConnectionIamTest {

    /** A valid sink with IAM auth and neither host nor credentials, plus {@code extra}. */
    private static Map<String, String> iamSink(String... extra) {
        Map<String, String> m =
                TestSettings.map(
                        "kafka.bootstrap-servers=localhost:9092",
                        "kafka.topics=cdc",
                        "sink.redshift.auth=IAM",
                        "sink.redshift.database=dev",
                        "sink.redshift.iam-role=arn:aws:iam::1:role/copy",
                        "sink.staging.path=s3://bucket/stage");
        m.putAll(TestSettings.map(extra));
        return m;
    }

    private static TargetConnection connection(Map<String, String> values) {
        return SinkConfig.from(TestSettings.load(SinkOptions.ALL, values)).connection();
    }

    @Test
    void provisionedByClusterIdAndRegion() {
        TargetConnection c =
                connection(
                        iamSink(
                                "sink.redshift.cluster-id=rs1",
                                "sink.redshift.region=eu-west-1",
                                "sink.redshift.db-user=loader",
                                "sink.redshift.auto-create=true",
                                "sink.redshift.db-groups=etl,readers"));
        assertThat(c.auth()).isEqualTo(RedshiftAuth.IAM);
        RedshiftIam iam = c.iam().orElseThrow();
        assertThat(iam.clusterId()).contains("rs1");
        assertThat(iam.dbUser()).contains("loader");
        assertThat(iam.autoCreate()).isTrue();
        assertThat(iam.dbGroups()).containsExactly("etl", "readers");
        assertThat(iam.serverless()).isFalse();
        assertThat(c.username()).isEmpty();
    }

    @Test
    void provisionedByEndpoint() {
        TargetConnection c =
                connection(
                        iamSink(
                                "sink.redshift.host=rs1.abc.eu-west-1.redshift.amazonaws.com",
                                "sink.redshift.db-user=loader"));
        assertThat(c.iam().orElseThrow().serverless()).isFalse();
        assertThat(c.iam().orElseThrow().clusterId()).isEmpty();
    }

    @Test
    void serverlessByWorkgroupOrEndpoint() {
        TargetConnection byName =
                connection(
                        iamSink("sink.redshift.workgroup=wg1", "sink.redshift.region=eu-west-1"));
        assertThat(byName.iam().orElseThrow().serverless()).isTrue();
        assertThat(byName.iam().orElseThrow().workgroup()).contains("wg1");
        TargetConnection byEndpoint =
                connection(
                        iamSink(
                                "sink.redshift.host=wg1.123456789012.eu-west-1.redshift-serverless.amazonaws.com"));
        assertThat(byEndpoint.iam().orElseThrow().serverless()).isTrue();
        assertThat(byEndpoint.iam().orElseThrow().dbGroups()).isEqualTo(List.of());
    }

    @Test
    void passwordModeHasNoIam() {
        TargetConnection c = connection(TestSettings.validSink());
        assertThat(c.auth()).isEqualTo(RedshiftAuth.PASSWORD);
        assertThat(c.iam()).isEmpty();
        assertThatThrownBy(() -> connection(TestSettings.validSink("sink.redshift.db-user=x")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "Option 'sink.redshift.db-user' (from properties file 'test.properties')"
                                + " must not be set when sink.redshift.auth is PASSWORD (it"
                                + " configures IAM authentication)");
    }

    @Test
    void iamRefusesPasswordsSecretsAndPostgres() {
        assertThatThrownBy(
                        () ->
                                connection(
                                        iamSink(
                                                "sink.redshift.cluster-id=rs1",
                                                "sink.redshift.region=eu-west-1",
                                                "sink.redshift.db-user=u",
                                                "sink.redshift.secret-id=prod/rs")))
                .hasMessageContaining("'sink.redshift.secret-id'")
                .hasMessageContaining("must not be set when sink.redshift.auth is IAM");
        assertThatThrownBy(
                        () ->
                                connection(
                                        iamSink(
                                                "sink.target=POSTGRES",
                                                "sink.redshift.host=pg",
                                                "sink.staging.path=file:///tmp/s")))
                .hasMessageContaining("Invalid value for 'sink.redshift.auth'")
                .hasMessageContaining("IAM authentication is Redshift's; sink.target is POSTGRES");
        assertThatThrownBy(
                        () ->
                                connection(
                                        iamSink(
                                                "sink.redshift.workgroup=wg1",
                                                "sink.redshift.region=eu-west-1",
                                                "sink.redshift.ssl=false")))
                .hasMessageContaining("expected true (IAM authentication requires TLS)");
    }

    @Test
    void iamNeedsATargetARegionWithoutHostAndAUserWhenProvisioned() {
        assertThatThrownBy(() -> connection(iamSink()))
                .hasMessageStartingWith(
                        "Option 'sink.redshift.auth' is IAM but nothing names the target: set"
                                + " 'sink.redshift.host'");
        assertThatThrownBy(() -> connection(iamSink("sink.redshift.workgroup=wg1")))
                .hasMessageContaining("Missing required option 'sink.redshift.region'")
                .hasMessageContaining("the driver finds the endpoint by cluster id or workgroup");
        assertThatThrownBy(
                        () ->
                                connection(
                                        iamSink(
                                                "sink.redshift.cluster-id=rs1",
                                                "sink.redshift.region=eu-west-1")))
                .hasMessageContaining("Missing required option 'sink.redshift.db-user'");
        assertThatThrownBy(
                        () ->
                                connection(
                                        iamSink(
                                                "sink.redshift.cluster-id=rs1",
                                                "sink.redshift.workgroup=wg1",
                                                "sink.redshift.region=eu-west-1")))
                .hasMessageContaining("'sink.redshift.cluster-id'")
                .hasMessageContaining("'sink.redshift.workgroup'")
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(
                        () ->
                                connection(
                                        iamSink(
                                                "sink.redshift.workgroup=wg1",
                                                "sink.redshift.region=eu-west-1",
                                                "sink.redshift.port=5440")))
                .hasMessageContaining("'sink.redshift.port'")
                .hasMessageContaining("must not be set when sink.redshift.host is not set");
    }

    @Test
    void serverlessTakesNoDatabaseUser() {
        assertThatThrownBy(
                        () ->
                                connection(
                                        iamSink(
                                                "sink.redshift.workgroup=wg1",
                                                "sink.redshift.region=eu-west-1",
                                                "sink.redshift.db-user=loader")))
                .hasMessageContaining("'sink.redshift.db-user'")
                .hasMessageContaining("the target is Redshift Serverless");
    }

    @Test
    void iamWithAUrlNeedsTheIamScheme() {
        Map<String, String> iamUrl =
                iamSink(
                        "sink.jdbc.url=jdbc:redshift:iam://rs1:eu-west-1/dev",
                        "sink.redshift.db-user=loader");
        iamUrl.remove("sink.redshift.database");
        assertThat(connection(iamUrl).jdbcUrl()).contains("jdbc:redshift:iam://rs1:eu-west-1/dev");
        Map<String, String> plainUrl = iamSink("sink.jdbc.url=jdbc:redshift://h:5439/dev");
        plainUrl.remove("sink.redshift.database");
        assertThatThrownBy(() -> connection(plainUrl))
                .hasMessageContaining(
                        "expected a jdbc:redshift:iam: URL (sink.redshift.auth is IAM)");
    }
}
