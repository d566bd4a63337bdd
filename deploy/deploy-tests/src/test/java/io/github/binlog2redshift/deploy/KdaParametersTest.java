package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.binlog2redshift.config.ConfigException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CloudFormation template's parameters as a deployment uses them: what an empty optional
 * parameter leaves, which combinations its Rules reject (exactly those the jobs would refuse at
 * start), that the deployed property groups load as the jobs' configuration, and that each role
 * grants what its job's properties name.
 */
class KdaParametersTest {

    private static final String CFN = "kda/binlog2redshift-kda.cfn.yaml";
    private static final String PROPERTY_MAP =
            "/Properties/ApplicationConfiguration/EnvironmentProperties/PropertyGroups/0/PropertyMap";

    /** Values a first deployment passes for the parameters without a default (README walk). */
    private static final Map<String, String> REQUIRED =
            Map.of(
                    "ArtifactsBucket", "acme-flink-artifacts",
                    "SubnetIds", "subnet-0a1b2c3d4e5f60718",
                    "SecurityGroupIds", "sg-0a1b2c3d4e5f60718",
                    "SourceSecretArn",
                            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:binlog2redshift/mysql-AbCdEf",
                    "SourceDatabaseList", "shop,billing",
                    "MskClusterArn",
                            "arn:aws:kafka:eu-west-1:123456789012:cluster/cdc/6357e0b2-0e6a-4b86-a0b4-70df934c2e31-5",
                    "KafkaBootstrapServers",
                            "b-1.cdc.abc123.c5.kafka.eu-west-1.amazonaws.com:9098,"
                                    + "b-2.cdc.abc123.c5.kafka.eu-west-1.amazonaws.com:9098",
                    "StagingBucket", "acme-binlog2redshift-staging");

    private static final String REDSHIFT_SECRET =
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:binlog2redshift/redshift-AbCdEf";
    private static final String WORKGROUP_ARN =
            "arn:aws:redshift-serverless:eu-west-1:123456789012:workgroup/"
                    + "0b9f3c2e-1d4a-4c6b-9e8f-7a6b5c4d3e2f";

    private static CfnTemplate template() {
        return new CfnTemplate(Templates.yaml(CFN));
    }

    private static Map<String, String> with(String... keyValues) {
        Map<String, String> out = new HashMap<>(REQUIRED);
        for (int i = 0; i < keyValues.length; i += 2) {
            out.put(keyValues[i], keyValues[i + 1]);
        }
        return out;
    }

    @Test
    void theReadmeValuesMatchTheParameterPatterns() {
        CfnTemplate t = template();
        assertThat(REQUIRED.keySet()).containsExactlyInAnyOrderElementsOf(t.requiredParameters());
        Map<String, String> all = with("RedshiftSecretArn", REDSHIFT_SECRET);
        all.put("RedshiftWorkgroupArn", WORKGROUP_ARN);
        all.forEach(
                (name, value) -> {
                    JsonNode pattern = t.root().at("/Parameters/" + name + "/AllowedPattern");
                    if (!pattern.isMissingNode()) {
                        assertThat(value).as(name).matches(pattern.asText());
                    }
                });
    }

    /** An optional parameter left empty must set no property at all, not an empty one. */
    @Test
    void optionalParametersLeftEmptyLeaveNoTrace() {
        CfnTemplate t = template();
        assertThat(t.optionalParameters()).isNotEmpty();
        for (String optional : t.optionalParameters()) {
            assertThat(CfnReferences.of(t.deployedWith(with(optional, ""))))
                    .as("deployed with %s empty", optional)
                    .doesNotContain(optional);
            assertThat(CfnReferences.of(t.deployedWith(with(optional, "value"))))
                    .as("deployed with %s set", optional)
                    .contains(optional);
        }
    }

    /** A default is either a working value or absent (the deployment must supply one). */
    @Test
    void noDefaultThatCanOnlyFail() {
        assertThat(Templates.text(CFN)).doesNotContain("111122223333", "REPLACE_ME", "example");
        template()
                .root()
                .path("Parameters")
                .fields()
                .forEachRemaining(
                        e -> {
                            JsonNode d = e.getValue().get("Default");
                            JsonNode pattern = e.getValue().get("AllowedPattern");
                            if (d != null && pattern != null) {
                                assertThat(d.asText())
                                        .as("default of %s", e.getKey())
                                        .matches(pattern.asText());
                            }
                            assertThat(e.getValue().has("NoEcho"))
                                    .as("%s: secrets come from Secrets Manager", e.getKey())
                                    .isFalse();
                        });
    }

    static Stream<Arguments> redshiftLogins() {
        return Stream.of(
                // name, parameters, CloudFormation accepts, the sink accepts
                Arguments.of("secret", with("RedshiftSecretArn", REDSHIFT_SECRET), true, true),
                Arguments.of(
                        "secret without host, with host and database given",
                        with(
                                "RedshiftSecretArn", REDSHIFT_SECRET,
                                "RedshiftHost", "dwh.abc123.eu-west-1.redshift.amazonaws.com",
                                "RedshiftPort", "5439",
                                "RedshiftDatabase", "dev"),
                        true,
                        true),
                Arguments.of(
                        "IAM, provisioned",
                        with(
                                "RedshiftClusterId", "dwh",
                                "RedshiftDbUser", "binlog2redshift",
                                "RedshiftDatabase", "dev"),
                        true,
                        true),
                Arguments.of(
                        "IAM, provisioned, custom endpoint",
                        with(
                                "RedshiftClusterId", "dwh",
                                "RedshiftDbUser", "binlog2redshift",
                                "RedshiftDatabase", "dev",
                                "RedshiftHost", "dwh.internal.example.org",
                                "RedshiftPort", "5439"),
                        true,
                        true),
                Arguments.of(
                        "IAM, Serverless",
                        with(
                                "RedshiftWorkgroup", "analytics",
                                "RedshiftWorkgroupArn", WORKGROUP_ARN,
                                "RedshiftDatabase", "dev"),
                        true,
                        true),
                Arguments.of("no login", with(), false, false),
                Arguments.of(
                        "secret and cluster",
                        with(
                                "RedshiftSecretArn", REDSHIFT_SECRET,
                                "RedshiftClusterId", "dwh",
                                "RedshiftDbUser", "binlog2redshift",
                                "RedshiftDatabase", "dev"),
                        false,
                        false),
                Arguments.of(
                        "cluster without user",
                        with("RedshiftClusterId", "dwh", "RedshiftDatabase", "dev"),
                        false,
                        false),
                Arguments.of(
                        "cluster without database",
                        with("RedshiftClusterId", "dwh", "RedshiftDbUser", "binlog2redshift"),
                        false,
                        false),
                Arguments.of(
                        "Serverless with a user",
                        with(
                                "RedshiftWorkgroup", "analytics",
                                "RedshiftWorkgroupArn", WORKGROUP_ARN,
                                "RedshiftDatabase", "dev",
                                "RedshiftDbUser", "binlog2redshift"),
                        false,
                        false),
                Arguments.of(
                        "IAM without host, with a port",
                        with(
                                "RedshiftWorkgroup", "analytics",
                                "RedshiftWorkgroupArn", WORKGROUP_ARN,
                                "RedshiftDatabase", "dev",
                                "RedshiftPort", "5439"),
                        false,
                        false),
                // the workgroup's ARN is for the grant only: the sink would start, and fail to log
                // in
                Arguments.of(
                        "Serverless without the workgroup's ARN",
                        with("RedshiftWorkgroup", "analytics", "RedshiftDatabase", "dev"),
                        false,
                        true));
    }

    /** CloudFormation refuses the combinations the sink refuses, before creating anything. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("redshiftLogins")
    void rulesRejectTheLoginsTheSinkRejects(
            String name, Map<String, String> parameters, boolean cfnAccepts, boolean sinkAccepts) {
        CfnTemplate t = template();
        assertThat(t.brokenRules(parameters).isEmpty())
                .as(t.brokenRules(parameters).toString())
                .isEqualTo(cfnAccepts);
        JsonNode sink =
                t.deployedWith(parameters).at("/Resources/RedshiftSinkApplication" + PROPERTY_MAP);
        if (sinkAccepts) {
            JobConfigs.load("redshift-sink", sink, v -> t.render(v, parameters));
        } else {
            assertThatThrownBy(
                            () ->
                                    JobConfigs.load(
                                            "redshift-sink", sink, v -> t.render(v, parameters)))
                    .isInstanceOf(ConfigException.class);
        }
    }

    /** With the README's values both property groups load as the jobs' configuration. */
    @Test
    void theDeployedPropertyGroupsLoadAsTheJobsConfiguration() {
        CfnTemplate t = template();
        Map<String, String> parameters = with("RedshiftSecretArn", REDSHIFT_SECRET);
        JsonNode resources = t.deployedWith(parameters).path("Resources");
        JobConfigs.load(
                "cdc-source",
                resources.at("/CdcSourceApplication" + PROPERTY_MAP),
                v -> t.render(v, parameters));
        JobConfigs.load(
                "redshift-sink",
                resources.at("/RedshiftSinkApplication" + PROPERTY_MAP),
                v -> t.render(v, parameters));
    }

    /** What a job's properties name (topics, group, secrets, cluster), its role grants. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("redshiftLogins")
    void rolesGrantWhatThePropertiesName(
            String name, Map<String, String> parameters, boolean cfnAccepts, boolean sinkAccepts) {
        if (!cfnAccepts) {
            return;
        }
        JsonNode resources = template().deployedWith(parameters).path("Resources");
        assertGranted(
                resources,
                "CdcSourceApplication",
                "CdcSourceRole",
                List.of(
                        "kafka.topic",
                        "kafka.dead-letter-topic",
                        "kafka.transactional-id-prefix",
                        "source.secret-id"));
        assertGranted(
                resources,
                "RedshiftSinkApplication",
                "RedshiftSinkRole",
                List.of(
                        "kafka.topics",
                        "sink.dead-letter.topic",
                        "kafka.group-id",
                        "sink.redshift.secret-id",
                        "sink.redshift.cluster-id",
                        "sink.redshift.db-user"));
        List<String> sinkGrants = CfnReferences.of(resources.at("/RedshiftSinkRole/Properties"));
        if (parameters.containsKey("RedshiftWorkgroup")) {
            assertThat(sinkGrants).contains("RedshiftWorkgroupArn");
        }
    }

    private static void assertGranted(
            JsonNode resources, String application, String role, List<String> keys) {
        JsonNode properties = resources.path(application).at(PROPERTY_MAP);
        List<String> granted = CfnReferences.of(resources.path(role).path("Properties"));
        for (String key : keys) {
            if (properties.has(key)) {
                String parameter = properties.path(key).path("Ref").asText();
                assertThat(parameter).as("%s is a parameter", key).isNotEmpty();
                assertThat(granted).as("%s grants %s", role, key).contains(parameter);
            }
        }
    }
}
