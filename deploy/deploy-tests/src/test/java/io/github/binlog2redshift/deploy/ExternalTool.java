package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool (shellcheck, yamllint, bash) and captures its exit code and output. */
final class ExternalTool {

    record Result(int exitCode, String output) {}

    private ExternalTool() {}

    /** Whether the tool is an executable on PATH; ./test installs the linters when missing. */
    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs the command in dir, stderr merged into stdout, for at most a minute. */
    static Result run(Path dir, List<String> command) throws Exception {
        Process p =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
