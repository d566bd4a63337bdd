package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
}
