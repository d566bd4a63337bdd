package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Managed Flink (KDA) application JSON files and the CloudFormation template. */
class KdaTemplatesTest {

    private static final String CFN = "kda/binlog2redshift-kda.cfn.yaml";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    @Test
    void everyJsonAndYamlFileParses() {
        for (Path p : Templates.all(".json")) {
            assertThat(Templates.json(DeployDir.root().relativize(p).toString())).isNotNull();
        }
        for (Path p : Templates.all(".yaml", ".yml")) {
            assertThat(Templates.yamlDocuments(p)).as(p.toString()).isNotEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource({"cdc-source", "redshift-sink"})
    void cliApplicationJson(String job) {
        JsonNode app = Templates.json("kda/" + job + "-application.json");
        assertThat(app.path("RuntimeEnvironment").asText()).isEqualTo("FLINK-1_20");
        JsonNode conf = app.path("ApplicationConfiguration");
        assertThat(conf.at("/ApplicationSnapshotConfiguration/SnapshotsEnabled").asBoolean())
                .isTrue();
        assertThat(
                        conf.at(
                                        "/FlinkApplicationConfiguration/CheckpointConfiguration/CheckpointingEnabled")
                                .asBoolean())
                .isTrue();
        assertThat(
                        conf.at(
                                        "/ApplicationCodeConfiguration/CodeContent/S3ContentLocation/FileKey")
                                .asText())
                .endsWith(".jar")
                .contains(job + "-job-");
        assertPropertyGroupsUseKnownKeys(job, conf.at("/EnvironmentProperties/PropertyGroups"));
    }

    @ParameterizedTest
    @CsvSource({"CdcSourceApplication, cdc-source", "RedshiftSinkApplication, redshift-sink"})
    void cloudFormationApplication(String resource, String job) {
        JsonNode app = Templates.yaml(CFN).path("Resources").path(resource);
        assertThat(app.path("Type").asText()).isEqualTo("AWS::KinesisAnalyticsV2::Application");
        JsonNode props = app.path("Properties");
        assertThat(props.path("RuntimeEnvironment").asText()).isEqualTo("FLINK-1_20");
        assertThat(
                        props.at(
                                        "/RunConfiguration/ApplicationRestoreConfiguration/ApplicationRestoreType")
                                .asText())
                .isEqualTo("RESTORE_FROM_LATEST_SNAPSHOT");
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
            List<String> keys = new ArrayList<>();
            group.path("PropertyMap").fieldNames().forEachRemaining(keys::add);
            assertThat(keys).isNotEmpty().allMatch(known::isKnown, "a " + known + " key");
        }
    }

    @Test
    void rolesGrantWhatTheJobsNeed() {
        JsonNode resources = Templates.yaml(CFN).path("Resources");
        assertThat(actions(resources.path("CdcSourceRole")))
                .contains(
                        "kafka-cluster:Connect",
                        "kafka-cluster:DescribeCluster",
                        "kafka-cluster:WriteDataIdempotently",
                        "kafka-cluster:DescribeTopic",
                        "kafka-cluster:WriteData",
                        "kafka-cluster:DescribeTransactionalId",
                        "kafka-cluster:AlterTransactionalId");
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
                        "ec2:DescribeSubnets");
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

    @Test
    void templateUsesLongFormIntrinsicsAndDefinesEverythingItReferences() {
        assertThat(Templates.text(CFN))
                .doesNotContainPattern("!(Ref|Sub|GetAtt|Join|If|Select)\\b");
        JsonNode template = Templates.yaml(CFN);
        Set<String> defined = new HashSet<>();
        template.path("Parameters").fieldNames().forEachRemaining(defined::add);
        template.path("Resources").fieldNames().forEachRemaining(defined::add);
        List<String> referenced = new ArrayList<>();
        collectReferences(template.path("Resources"), referenced);
        collectReferences(template.path("Outputs"), referenced);
        assertThat(referenced)
                .isNotEmpty()
                .allMatch(r -> defined.contains(r) || r.startsWith("AWS::"), "defined");
    }

    private static void collectReferences(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(
                            e -> {
                                switch (e.getKey()) {
                                    case "Ref" -> out.add(e.getValue().asText());
                                    case "Fn::GetAtt" -> out.add(e.getValue().get(0).asText());
                                    case "Fn::Sub" -> {
                                        Matcher m = SUB_VARIABLE.matcher(e.getValue().asText());
                                        while (m.find()) {
                                            out.add(m.group(1).split("\\.")[0]);
                                        }
                                    }
                                    default -> collectReferences(e.getValue(), out);
                                }
                            });
        } else if (node.isArray()) {
            node.forEach(n -> collectReferences(n, out));
        }
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
