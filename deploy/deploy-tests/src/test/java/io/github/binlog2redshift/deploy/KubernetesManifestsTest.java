package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.github.binlog2redshift.standalone.PackagedJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.spec.FlinkVersion;
import org.apache.flink.kubernetes.operator.api.spec.UpgradeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The FlinkDeployment manifests for the Flink Kubernetes operator, the image they run, and the RBAC
 * and Secret manifests beside them. Each document is read into the operator's and fabric8's model
 * classes, strictly (the schema check: {@link KubernetesModel}); yamllint runs over them in {@link
 * YamlLintTest}.
 */
class KubernetesManifestsTest {

    private static String manifest(PackagedJob job) {
        return "kubernetes/" + job.jobModule + ".yaml";
    }

    @Test
    void everyManifestMatchesTheOperatorAndKubernetesModels() {
        List<Path> manifests =
                Templates.all(".yaml", ".yml").stream()
                        .filter(p -> p.startsWith(Templates.file("kubernetes")))
                        .toList();
        assertThat(manifests)
                .contains(
                        Templates.file("kubernetes/rbac.yaml"),
                        Templates.file("kubernetes/secrets.example.yaml"));
        List<String> kinds = new ArrayList<>();
        for (Path manifest : manifests) {
            for (JsonNode doc : Templates.yamlDocuments(manifest)) {
                HasMetadata model = KubernetesModel.read(doc);
                assertThat(model.getMetadata().getName()).as(manifest.toString()).isNotBlank();
                kinds.add(model.getKind());
            }
        }
        assertThat(kinds)
                .contains("FlinkDeployment", "ServiceAccount", "Role", "RoleBinding", "Secret");
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void theOperatorReadsTheDeploymentAsIntended(PackagedJob job) {
        FlinkDeployment d = (FlinkDeployment) KubernetesModel.read(Templates.yaml(manifest(job)));
        assertThat(d.getSpec().getFlinkVersion()).isEqualTo(FlinkVersion.v1_20);
        assertThat(d.getSpec().getJob().getUpgradeMode()).isEqualTo(UpgradeMode.SAVEPOINT);
        assertThat(d.getSpec().getJob().getArgs()).isNotEmpty();
        assertThat(d.getSpec().getPodTemplate().getSpec().getContainers()).hasSize(1);
    }

    /** The check itself: misspelt or misplaced fields, wrong kinds and versions all fail. */
    @Test
    void theModelCheckRejectsWhatTheOperatorWouldNot() {
        JsonNode deployment = Templates.yaml(manifest(PackagedJob.values()[0]));
        assertRejected(deployment, d -> ((ObjectNode) d.at("/spec/job")).put("parallelizm", 2));
        assertRejected(
                deployment,
                d -> ((ObjectNode) d.at("/spec/podTemplate/spec/containers/0")).put("envv", "x"));
        assertRejected(deployment, d -> ((ObjectNode) d.at("/spec")).put("flinkVersion", "v1_99"));
        assertRejected(deployment, d -> ((ObjectNode) d).put("apiVersion", "flink.apache.org/v1"));
        JsonNode role =
                Templates.yamlDocuments(Templates.file("kubernetes/rbac.yaml")).stream()
                        .filter(d -> d.path("kind").asText().equals("Role"))
                        .findFirst()
                        .orElseThrow();
        assertRejected(role, r -> ((ObjectNode) r.at("/rules/0")).put("verb", "get"));
        assertRejected(role, r -> ((ObjectNode) r).put("kind", "Rolle"));
    }

    private static void assertRejected(JsonNode doc, Consumer<JsonNode> change) {
        JsonNode copy = doc.deepCopy();
        change.accept(copy);
        assertThatThrownBy(() -> KubernetesModel.read(copy))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void applicationModeWithSavepointUpgrades(PackagedJob job) {
        JsonNode d = Templates.yaml(manifest(job));
        assertThat(d.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(d.path("kind").asText()).isEqualTo("FlinkDeployment");
        assertThat(d.at("/spec/flinkVersion").asText()).isEqualTo("v1_20");
        JsonNode spec = d.path("spec").path("job");
        assertThat(spec.path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(spec.path("allowNonRestoredState").asBoolean(true)).isFalse();
        assertThat(spec.path("entryClass").asText()).isEqualTo(job.mainClass);
        assertThat(spec.path("jarURI").asText())
                .isEqualTo("local:///opt/flink/usrlib/" + job.artifactId + ".jar");
        // the image must put the jar where jarURI points
        assertThat(Templates.text("kubernetes/Dockerfile"))
                .contains("/opt/flink/usrlib/" + job.artifactId + ".jar")
                .contains("FROM flink:" + System.getProperty("flink.version") + "-java17");
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void rocksDbCheckpointsOnS3AndTheS3Plugin(PackagedJob job) {
        JsonNode spec = Templates.yaml(manifest(job)).path("spec");
        JsonNode conf = spec.path("flinkConfiguration");
        assertThat(conf.path("state.backend.type").asText()).isEqualTo("rocksdb");
        assertThat(conf.path("state.backend.incremental").asText()).isEqualTo("true");
        assertThat(conf.path("state.checkpoints.dir").asText()).startsWith("s3://");
        assertThat(conf.path("state.savepoints.dir").asText()).startsWith("s3://");
        assertThat(conf.path("restart-strategy.type").asText()).isEqualTo("exponential-delay");
        JsonNode container = spec.at("/podTemplate/spec/containers/0");
        assertThat(container.path("name").asText()).isEqualTo("flink-main-container");
        assertThat(container.path("env").findValuesAsText("value"))
                .contains("flink-s3-fs-hadoop-" + System.getProperty("flink.version") + ".jar");
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void argsAreKnownOptionsAndSecretsComeFromAMountedSecret(PackagedJob job) {
        JsonNode spec = Templates.yaml(manifest(job)).path("spec");
        List<String> keys = new ArrayList<>();
        String configFile = null;
        for (JsonNode arg : spec.at("/job/args")) {
            String text = arg.asText();
            assertThat(text).as("args are --key=value").startsWith("--").contains("=");
            String key = text.substring(2, text.indexOf('='));
            if (key.equals("config-file")) {
                configFile = text.substring(text.indexOf('=') + 1);
            } else {
                keys.add(key);
            }
        }
        KnownConfigKeys known = KnownConfigKeys.of(job.jobModule);
        assertThat(keys).isNotEmpty().allMatch(known::isKnown, "a " + known + " key");
        assertThat(keys).noneMatch(k -> k.endsWith("password"));
        String mountPath =
                spec.at("/podTemplate/spec/containers/0/volumeMounts/0/mountPath").asText();
        assertThat(configFile).startsWith(mountPath + "/");
        assertThat(spec.at("/podTemplate/spec/volumes/0/secret/secretName").asText())
                .isEqualTo("binlog2redshift-" + job.jobModule);
    }

    /**
     * In native mode the JobManager creates its TaskManager pods and Kubernetes HA writes config
     * maps: the service account both deployments name must be bound to a role that allows it.
     */
    @Test
    void theServiceAccountIsBoundToWhatNativeModeAndHaNeed() {
        List<JsonNode> docs = Templates.yamlDocuments(Templates.file("kubernetes/rbac.yaml"));
        JsonNode account = kind(docs, "ServiceAccount");
        JsonNode role = kind(docs, "Role");
        JsonNode binding = kind(docs, "RoleBinding");
        String name = account.at("/metadata/name").asText();
        for (PackagedJob job : PackagedJob.values()) {
            assertThat(Templates.yaml(manifest(job)).at("/spec/serviceAccount").asText())
                    .isEqualTo(name);
        }
        assertThat(binding.at("/subjects/0/kind").asText()).isEqualTo("ServiceAccount");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(name);
        assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
        assertThat(binding.at("/roleRef/name").asText())
                .isEqualTo(role.at("/metadata/name").asText());
        assertThat(allowed(role, "", "pods")).contains("create", "delete", "watch");
        assertThat(allowed(role, "", "configmaps")).contains("create", "update", "delete", "watch");
        assertThat(allowed(role, "apps", "deployments")).contains("get", "update");
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals(kind))
                .findFirst()
                .orElseThrow(() -> new AssertionError("kubernetes/rbac.yaml has no " + kind));
    }

    private static List<String> allowed(JsonNode role, String apiGroup, String resource) {
        List<String> verbs = new ArrayList<>();
        for (JsonNode rule : role.path("rules")) {
            List<String> groups = new ArrayList<>();
            rule.path("apiGroups").forEach(g -> groups.add(g.asText()));
            List<String> resources = new ArrayList<>();
            rule.path("resources").forEach(r -> resources.add(r.asText()));
            if (groups.contains(apiGroup) && resources.contains(resource)) {
                rule.path("verbs").forEach(v -> verbs.add(v.asText()));
            }
        }
        return verbs;
    }
}
