package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The FlinkDeployment manifests for the Flink Kubernetes operator and the image they run. */
class KubernetesManifestsTest {

    private static String manifest(PackagedJob job) {
        return "kubernetes/" + job.jobModule + ".yaml";
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
