package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RedshiftSinkJob#main} in a child JVM, as {@code java -cp} or {@code flink run} starts it:
 * a misspelt key is one line on stderr and exit status 2, not a stack trace.
 */
class RedshiftSinkJobTest {

    @TempDir Path dir;

    @Test
    void misspeltKeyPrintsOneLineAndExits2() throws Exception {
        File out = dir.resolve("stdout").toFile();
        File err = dir.resolve("stderr").toFile();
        Process job =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RedshiftSinkJob.class.getName(),
                                "--sink.redshift.hst=db1")
                        .redirectOutput(out)
                        .redirectError(err)
                        .start();
        assertThat(job.waitFor(120, TimeUnit.SECONDS)).as("exited").isTrue();

        List<String> stderr = Files.readAllLines(err.toPath(), StandardCharsets.UTF_8);
        String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        assertThat(job.exitValue()).as("exit status; stderr %s", stderr).isEqualTo(2);
        assertThat(stderr)
                .singleElement()
                .asString()
                .contains("Unknown command-line argument '--sink.redshift.hst' (value not shown)")
                .contains("did you mean '--sink.redshift.host'?");
        assertThat(String.join("\n", stderr) + stdout)
                .doesNotContain("at io.github")
                .doesNotContain("Exception");
    }
}
