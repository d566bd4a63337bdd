package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Managed Flink (KDA) application JSON files and the CloudFormation template. No offline
 * CloudFormation linter can be installed here (cfn-lint is a Python package; npm's "cfn-lint" is a
 * retired, unrelated project), so the template is checked against the CloudFormation resource
 * specification the AWS CDK publishes on npm ({@link CfnResourceSpec}: resource types, property
 * names and types, allowed values, required properties), and its structure by this test itself:
 * references, conditions, defaults, property keys and grants.
 */
class KdaTemplatesTest {

    private static final String CFN = "kda/binlog2redshift-kda.cfn.yaml";

    private static CfnTemplate template() {
        return new CfnTemplate(Templates.yaml(CFN));
    }

    @Test
    void everyJsonAndYamlFileParses() {
        for (Path p : Templates.all(".json")) {
            assertThat(Templates.json(DeployDir.root().relativize(p).toString())).isNotNull();
        }
        for (Path p : Templates.all(".yaml", ".yml")) {
            assertThat(Templates.yamlDocuments(p)).as(p.toString()).isNotEmpty();
        }
    }

    /**
     * FLINK-1_20 for Flink 1.20.x: the runtime the jars are built against (Java 11: JobJarTest).
     */
    private static String runtime() {
        String[] v = System.getProperty("flink.version").split("\\.");
        return "FLINK-" + v[0] + "_" + v[1];
    }

    @ParameterizedTest
    @CsvSource({"cdc-source", "redshift-sink"})
    void cliApplicationJson(String job) {
        JsonNode app = Templates.json("kda/" + job + "-application.json");
        assertThat(app.path("RuntimeEnvironment").asText()).isEqualTo(runtime());
        JsonNode conf = app.path("ApplicationConfiguration");
        assertThat(conf.at("/ApplicationSnapshotConfiguration/SnapshotsEnabled").asBoolean())
                .isTrue();
        assertThat(
                        conf.at(
                                        "/ApplicationCodeConfiguration/CodeContent/S3ContentLocation/FileKey")
                                .asText())
                .endsWith(".jar")
                .contains(job + "-job-");
        assertPropertyGroupsUseKnownKeys(job, conf.at("/EnvironmentProperties/PropertyGroups"));
        // the job would start with it (up to the placeholders' values)
        JobConfigs.load(
                job,
                conf.at("/EnvironmentProperties/PropertyGroups/0/PropertyMap"),
                JsonNode::asText);
        // account-specific values are all REPLACE_ME placeholders: one grep finds them
        assertThat(Templates.text("kda/" + job + "-application.json"))
                .doesNotContain("111122223333", "example");
    }

    /** The CLI files describe the same application as the template, minus the roles it creates. */
    @ParameterizedTest
    @CsvSource({"CdcSourceApplication, cdc-source", "RedshiftSinkApplication, redshift-sink"})
    void cliApplicationJsonMatchesTheTemplate(String resource, String job) {
        JsonNode cli = Templates.json("kda/" + job + "-application.json");
        JsonNode cfn = template().root().path("Resources").path(resource).path("Properties");
        for (String field : List.of("RuntimeEnvironment", "ApplicationMode")) {
            assertThat(cli.path(field)).as(field).isEqualTo(cfn.path(field));
        }
        for (String path :
                List.of(
                        "/FlinkApplicationConfiguration/CheckpointConfiguration",
                        "/FlinkApplicationConfiguration/MonitoringConfiguration",
                        "/ApplicationSnapshotConfiguration",
                        "/ApplicationCodeConfiguration/CodeContentType")) {
            assertThat(cli.path("ApplicationConfiguration").at(path))
                    .as(path)
                    .isEqualTo(cfn.path("ApplicationConfiguration").at(path));
        }
        String groups =
                "/ApplicationConfiguration/EnvironmentProperties/PropertyGroups/0/PropertyMap";
        Set<String> cliKeys = keys(cli.at(groups));
        Set<String> cfnKeys = keys(cfn.at(groups));
        assertThat(cfnKeys).containsAll(cliKeys);
        Set<String> always = new HashSet<>();
        cfn.at(groups)
                .fields()
                .forEachRemaining(
                        e -> {
                            if (!e.getValue().has("Fn::If")) {
                                always.add(e.getKey());
                            }
                        });
        assertThat(cliKeys).containsAll(always);
    }

    @ParameterizedTest
    @CsvSource({"CdcSourceApplication, cdc-source", "RedshiftSinkApplication, redshift-sink"})
    void cloudFormationApplication(String resource, String job) {
        JsonNode app = template().root().path("Resources").path(resource);
        assertThat(app.path("Type").asText()).isEqualTo("AWS::KinesisAnalyticsV2::Application");
        JsonNode props = app.path("Properties");
        assertThat(props.path("RuntimeEnvironment").asText()).isEqualTo(runtime());
        assertThat(
                        props.at(
                                        "/RunConfiguration/ApplicationRestoreConfiguration/ApplicationRestoreType")
                                .asText())
                .isEqualTo("RESTORE_FROM_LATEST_SNAPSHOT");
        assertThat(
                        props.at("/RunConfiguration/FlinkRunConfiguration/AllowNonRestoredState")
                                .asBoolean(true))
                .isFalse();
        assertThat(
                        props.at(
                                        "/ApplicationConfiguration/ApplicationSnapshotConfiguration/SnapshotsEnabled")
                                .asBoolean())
                .isTrue();
        assertPropertyGroupsUseKnownKeys(
                job, props.at("/ApplicationConfiguration/EnvironmentProperties/PropertyGroups"));
    }

    private static void assertPropertyGroupsUseKnownKeys(String job, JsonNode groups) {
        KnownConfigKeys known = KnownConfigKeys.of(job);
        assertThat(groups.size()).isPositive();
        for (JsonNode group : groups) {
            assertThat(group.path("PropertyGroupId").asText())
                    .isIn("FlinkApplicationProperties", "FlinkAppProperties");
            assertThat(keys(group.path("PropertyMap")))
                    .isNotEmpty()
                    .allMatch(known::isKnown, "a " + known + " key")
                    .noneMatch(k -> k.endsWith("password"));
        }
    }

    @Test
    void everyResourceMatchesTheCloudFormationResourceSpecification() {
        Optional<CfnResourceSpec> spec = CfnResourceSpec.installed();
        assumeTrue(
                spec.isPresent(),
                "@aws-cdk/aws-service-spec is not installed (./test installs it with npm); skipped");
        assertThat(spec.get().problems(template().root())).isEmpty();
        // the check itself: a misspelt property, a missing required one, a value not allowed
        ObjectNode broken = template().root().deepCopy();
        ObjectNode app = (ObjectNode) broken.at("/Resources/CdcSourceApplication/Properties");
        app.set("RuntimeEnviroment", app.remove("RuntimeEnvironment"));
        app.put("ApplicationMode", "BATCH");
        ((ObjectNode)
                        app.at(
                                "/ApplicationConfiguration/FlinkApplicationConfiguration/ParallelismConfiguration"))
                .put("ParallelismPerKpu", 1);
        assertThat(spec.get().problems(broken))
                .containsExactlyInAnyOrder(
                        "CdcSourceApplication.Properties.RuntimeEnviroment: unknown property",
                        "CdcSourceApplication.Properties.RuntimeEnvironment: required property"
                                + " missing",
                        "CdcSourceApplication.Properties.ApplicationMode: 'BATCH' is not one of"
                                + " [INTERACTIVE, STREAMING]",
                        "CdcSourceApplication.Properties.ApplicationConfiguration"
                                + ".FlinkApplicationConfiguration.ParallelismConfiguration"
                                + ".ParallelismPerKpu: unknown property");
    }

    @Test
    void templateUsesLongFormIntrinsicsAndDefinesEverythingItReferences() {
        assertThat(Templates.text(CFN))
                .doesNotContainPattern("!(Ref|Sub|GetAtt|Join|If|Select|Split|Equals|Not)\\b");
        CfnTemplate t = template();
        Set<String> defined = new HashSet<>(t.names("Parameters"));
        defined.addAll(t.names("Resources"));
        t.names("Conditions").forEach(c -> defined.add("Condition:" + c));
        List<String> referenced = new ArrayList<>();
        for (String section : List.of("Rules", "Conditions", "Resources", "Outputs")) {
            referenced.addAll(CfnReferences.of(t.root().path(section)));
        }
        assertThat(referenced)
                .isNotEmpty()
                .allMatch(r -> defined.contains(r) || r.startsWith("AWS::"), "defined");
        // and nothing is defined for nothing
        assertThat(referenced).containsAll(t.names("Parameters"));
        t.names("Conditions").forEach(c -> assertThat(referenced).contains("Condition:" + c));
        List<String> grouped = new ArrayList<>();
        t.root()
                .at("/Metadata/AWS::CloudFormation::Interface/ParameterGroups")
                .forEach(g -> g.path("Parameters").forEach(p -> grouped.add(p.asText())));
        assertThat(grouped)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(t.names("Parameters"));
    }

    @Test
    void rolesGrantWhatTheJobsNeed() {
        JsonNode resources = template().root().path("Resources");
        assertThat(actions(resources.path("CdcSourceRole")))
                .contains(
                        "kafka-cluster:Connect",
                        "kafka-cluster:DescribeCluster",
                        "kafka-cluster:WriteDataIdempotently",
                        "kafka-cluster:DescribeTopic",
                        "kafka-cluster:WriteData",
                        "kafka-cluster:DescribeTransactionalId",
                        "kafka-cluster:AlterTransactionalId",
                        "secretsmanager:GetSecretValue");
        assertThat(actions(resources.path("RedshiftSinkRole")))
                .contains(
                        "kafka-cluster:Connect",
                        "kafka-cluster:ReadData",
                        "kafka-cluster:DescribeGroup",
                        "kafka-cluster:AlterGroup",
                        "s3:PutObject",
                        "s3:GetObject",
                        "s3:DeleteObject",
                        "s3:AbortMultipartUpload",
                        "s3:ListBucket",
                        "secretsmanager:GetSecretValue");
        assertThat(actions(resources.path("FlinkBasePolicy")))
                .contains(
                        "s3:GetObject",
                        "logs:PutLogEvents",
                        "logs:DescribeLogStreams",
                        "ec2:CreateNetworkInterface",
                        "ec2:DeleteNetworkInterface",
                        "ec2:DescribeSubnets",
                        "kms:Decrypt");
        assertThat(actions(resources.path("RedshiftCopyRole")))
                .contains("s3:GetObject", "s3:ListBucket");
        assertThat(
                        resources
                                .at(
                                        "/RedshiftCopyRole/Properties/AssumeRolePolicyDocument/Statement/0/Principal/Service")
                                .asText())
                .isEqualTo("redshift.amazonaws.com");
        // least privilege: no service-wide wildcards
        for (String role :
                List.of(
                        "CdcSourceRole",
                        "RedshiftSinkRole",
                        "FlinkBasePolicy",
                        "RedshiftCopyRole")) {
            assertThat(actions(resources.path(role))).noneMatch(a -> a.endsWith("*"));
        }
    }

    private static Set<String> keys(JsonNode map) {
        Set<String> out = new HashSet<>();
        map.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Every IAM action granted in a role or managed policy resource. */
    private static List<String> actions(JsonNode resource) {
        assertThat(resource.isMissingNode()).as("resource exists").isFalse();
        List<String> out = new ArrayList<>();
        resource.findValues("Action")
                .forEach(
                        a -> {
                            if (a.isArray()) {
                                a.forEach(x -> out.add(x.asText()));
                            } else {
                                out.add(a.asText());
                            }
                        });
        return out;
    }
}
