package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.binlog2redshift.standalone.PackagedJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The YARN scripts: shellcheck-clean, and the flink command lines they build (--dry-run). */
class YarnScriptsTest {

    @Test
    void shellcheckFindsNothing() throws Exception {
        assumeTrue(
                ExternalTool.onPath("shellcheck"),
                "shellcheck is not installed (Debian: apt-get install -y shellcheck); skipped");
        List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
        for (Path script : Templates.all(".sh")) {
            command.add(script.toString());
        }
        assertThat(command).hasSizeGreaterThan(2);
        ExternalTool.Result r = ExternalTool.run(DeployDir.root().resolve("yarn"), command);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void applicationModeCommand(PackagedJob job) throws Exception {
        Path config = Files.createTempFile("job", ".properties");
        String out =
                dryRun(
                        job,
                        "--checkpoint-dir",
                        "s3://bucket/flink/checkpoints",
                        "--from-savepoint",
                        "s3://bucket/flink/savepoints/sp-1",
                        "--config",
                        config.toString(),
                        "--",
                        "--pipeline.parallelism=3");
        assertThat(out)
                .startsWith("flink run -t yarn-application ")
                .contains("-Dstate.backend.type=rocksdb")
                .contains("-Dstate.backend.incremental=true")
                .contains("-Dstate.checkpoints.dir=s3://bucket/flink/checkpoints/" + job.jobModule)
                .contains("-Dstate.savepoints.dir=s3://bucket/flink/savepoints/" + job.jobModule)
                .contains("-Drestart-strategy.type=exponential-delay")
                .contains(" -s s3://bucket/flink/savepoints/sp-1 ")
                .contains("-Dyarn.ship-files=" + config)
                .contains(
                        "x.jar --config-file "
                                + config.getFileName()
                                + " --pipeline.parallelism=3");
        Files.delete(config);
    }

    @ParameterizedTest
    @EnumSource(PackagedJob.class)
    void sessionModeCommand(PackagedJob job) throws Exception {
        String out =
                dryRun(
                        job,
                        "--mode",
                        "session",
                        "--application-id",
                        "application_1_0001",
                        "--checkpoint-dir",
                        "s3://bucket/cp");
        assertThat(out)
                .startsWith("flink run -t yarn-session -Dyarn.application.id=application_1_0001 ")
                .contains("-Dstate.checkpoints.dir=s3://bucket/cp/" + job.jobModule)
                .doesNotContain("taskmanager.memory"); // a session's cluster settings are fixed
    }

    @Test
    void missingCheckpointDirIsAnError() throws Exception {
        ExternalTool.Result r =
                ExternalTool.run(
                        DeployDir.root().resolve("yarn"),
                        List.of("bash", "run-cdc-source.sh", "--dry-run"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.output()).contains("--checkpoint-dir is required");
    }

    private static String dryRun(PackagedJob job, String... args) throws IOException, Exception {
        List<String> command = new ArrayList<>(List.of("env", "-u", "FLINK_HOME", "bash"));
        command.add("run-" + job.jobModule + ".sh");
        command.addAll(List.of("--dry-run", "--jar", "x.jar"));
        command.addAll(List.of(args));
        ExternalTool.Result r = ExternalTool.run(DeployDir.root().resolve("yarn"), command);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output().trim();
    }
}
