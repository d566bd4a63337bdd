package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.binlog2redshift.standalone.PackagedJob;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/README.md names only what exists: files under deploy/, the jars the build makes, the
 * template's parameters (and passes every required one in the first deployment's step 6), the
 * applications the template creates, the tests it credits, and its own sections.
 */
class DeployReadmeTest {

    private static final String README = "README.md";
    private static final String WALK = "## First deployment on Managed Service for Apache Flink";

    private static String readme() {
        return Templates.text(README);
    }

    /** The first-deployment section, up to the next top-level section. */
    private static String walk() {
        String all = readme();
        int start = all.indexOf(WALK);
        assertThat(start).as("README has the section '%s'", WALK).isNotNegative();
        return all.substring(start, all.indexOf("\n## ", start + 1));
    }

    private static List<String> matches(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everyDeploymentFileItNamesExists() throws IOException {
        List<String> paths =
                matches(readme(), "(?<![\\w/.-])(?:deploy/)?((?:kda|kubernetes|yarn)/[\\w*.-]+)");
        assertThat(paths).contains("kda/binlog2redshift-kda.cfn.yaml", "kubernetes/rbac.yaml");
        for (String path : paths) {
            String clean = path.replaceAll("[.]+$", "");
            PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + clean);
            try (Stream<Path> files = Files.walk(DeployDir.root())) {
                assertThat(files.map(f -> DeployDir.root().relativize(f)).anyMatch(glob::matches))
                        .as("deploy/%s exists", clean)
                        .isTrue();
            }
        }
        assertThat(readme()).contains("deploy/.yamllint.yaml");
        assertThat(Templates.file(".yamllint.yaml")).exists();
    }

    @Test
    void theJarsItNamesAreTheOnesTheBuildMakes() {
        List<String> jars = matches(readme(), "deploy/([\\w-]+-job/target/[\\w.-]+\\.jar)");
        assertThat(jars).isNotEmpty();
        Set<String> built = new HashSet<>();
        for (PackagedJob job : PackagedJob.values()) {
            built.add(
                    DeployDir.root().relativize(job.jar().toAbsolutePath().normalize()).toString());
        }
        assertThat(built).containsAll(jars);
    }

    @Test
    void stepSixPassesEveryRequiredParameterAndOnlyRealOnes() {
        CfnTemplate template = new CfnTemplate(Templates.yaml("kda/binlog2redshift-kda.cfn.yaml"));
        String walk = walk();
        String deploy = walk.substring(walk.indexOf("aws cloudformation deploy"));
        deploy = deploy.substring(0, deploy.indexOf("```"));
        assertThat(deploy).contains("--template-file deploy/kda/binlog2redshift-kda.cfn.yaml");
        List<String> given = matches(deploy, "(?m)^\\s+[\"']?([A-Z]\\w+)=");
        assertThat(given)
                .doesNotHaveDuplicates()
                .containsAll(template.requiredParameters())
                .allMatch(template.names("Parameters")::contains, "a template parameter");
    }

    /** Backquoted CamelCase names are parameters, template or manifest keys, outputs or tests. */
    @Test
    void everyNameInTheWalkExists() throws IOException {
        StringBuilder known = new StringBuilder(Templates.text("kda/binlog2redshift-kda.cfn.yaml"));
        for (Path manifest : Templates.all(".yaml")) {
            known.append(Files.readString(manifest));
        }
        try (Stream<Path> tests =
                Files.list(
                        DeployDir.root()
                                .resolve(
                                        "deploy-tests/src/test/java/io/github/binlog2redshift/deploy"))) {
            tests.forEach(t -> known.append(' ').append(t.getFileName()));
        }
        List<String> names = matches(walk(), "`([A-Z][a-z]\\w*[a-z]\\w*)`");
        assertThat(names).contains("SubnetIds", "RedshiftSecretArn", "KdaTemplatesTest");
        for (String name : names) {
            assertThat(known.toString())
                    .as("`%s` exists", name)
                    .containsPattern("\\b" + name + "\\b");
        }
    }

    @Test
    void theApplicationsItStartsAreTheOnesTheTemplateCreates() {
        String prefix =
                Templates.yaml("kda/binlog2redshift-kda.cfn.yaml")
                        .at("/Parameters/NamePrefix/Default")
                        .asText();
        List<String> apps = matches(walk(), "(?<![\\w-])(binlog2redshift-[a-z-]+[a-z])(?![\\w.])");
        assertThat(apps)
                .contains(prefix + "-cdc-source", prefix + "-redshift-sink")
                .allMatch(
                        a ->
                                a.equals(prefix + "-cdc-source")
                                        || a.equals(prefix + "-redshift-sink")
                                        || a.equals(prefix + "-redshift-copy"),
                        "an application or role the template names");
    }

    /**
     * The walk's shell commands, as one script, pass shellcheck (quoting, here-documents, loops).
     */
    @Test
    void theWalksShellCommandsPassShellcheck() throws Exception {
        assumeTrue(
                ExternalTool.onPath("shellcheck"),
                "shellcheck is not installed (Debian: apt-get install -y shellcheck); skipped");
        List<String> blocks = matches(walk(), "(?s)```bash\n(.*?)```");
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(5);
        Path script = Files.createTempFile("first-deployment", ".sh");
        Files.writeString(script, "#!/usr/bin/env bash\n" + String.join("\n", blocks));
        ExternalTool.Result r =
                ExternalTool.run(DeployDir.root(), List.of("shellcheck", script.toString()));
        Files.delete(script);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    /** Links to its own sections (#anchor) point at a heading, the way GitHub makes anchors. */
    @Test
    void everySectionLinkResolves() {
        Set<String> anchors = new HashSet<>();
        for (String heading : matches(readme(), "(?m)^#+ (.+)$")) {
            anchors.add(
                    heading.toLowerCase(Locale.ROOT)
                            .replaceAll("[^\\w\\- ]", "")
                            .replace(' ', '-'));
        }
        List<String> links = matches(readme(), "\\]\\(#([^)]+)\\)");
        assertThat(links).isNotEmpty().allMatch(anchors::contains, "a heading of README.md");
    }
}
