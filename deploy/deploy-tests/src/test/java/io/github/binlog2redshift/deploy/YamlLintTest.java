package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * yamllint over every YAML file under deploy/ (CloudFormation template, Kubernetes manifests, the
 * config itself) with deploy/.yamllint.yaml; warnings fail too.
 */
class YamlLintTest {

    @Test
    void yamllintFindsNothing() throws Exception {
        assumeTrue(
                ExternalTool.onPath("yamllint"),
                "yamllint is not installed (Debian: apt-get install -y yamllint); skipped");
        Path config = DeployDir.root().resolve(".yamllint.yaml");
        List<String> command =
                new ArrayList<>(
                        List.of("yamllint", "--strict", "-f", "parsable", "-c", config.toString()));
        List<Path> files = Templates.all(".yaml", ".yml");
        assertThat(files).contains(config, Templates.file("kda/binlog2redshift-kda.cfn.yaml"));
        files.forEach(f -> command.add(f.toString()));
        ExternalTool.Result r = ExternalTool.run(DeployDir.root(), command);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
