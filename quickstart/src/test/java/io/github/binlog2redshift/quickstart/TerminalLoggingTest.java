package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TerminalLogging} in a child JVM ({@link Probe}): java.util.logging (as the binlog client
 * logs), commons-logging (as the AWS SDK v1 logs), stray prints and stack traces all land in the
 * log file, and the terminal shows only what run-local prints on purpose.
 */
class TerminalLoggingTest {

    @TempDir Path dir;

    @Test
    void onlyTheStatusReachesTheTerminal() throws Exception {
        Path log = dir.resolve("run-local.log");
        File out = dir.resolve("stdout").toFile();
        File err = dir.resolve("stderr").toFile();
        Process probe =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx256m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "-D" + QuickstartMain.LOG_FILE_PROPERTY + "=" + log,
                                Probe.class.getName())
                        .redirectOutput(out)
                        .redirectError(err)
                        .start();
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8);
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(stdout + stderr).isZero();
        assertThat(stdout).isEqualTo("[   0s] running   status" + System.lineSeparator());
        assertThat(stderr)
                .isEqualTo("run-local: an error meant for the terminal" + System.lineSeparator());
        assertThat(Files.readString(log, StandardCharsets.UTF_8))
                .contains("BinaryLogClient - Connected to 127.0.0.1:3306 at binlog.000001/4")
                .contains("Mimetypes - Unable to find 'mime.types' file in classpath")
                .contains("stdout - printed on System.out")
                .contains("stderr - printed on System.err")
                .contains(
                        "stderr - java.lang.IllegalStateException: a stack trace printed by a library");
    }

    /** The child JVM: run-local's logging setup, then every way a library reaches the terminal. */
    public static final class Probe {
        public static void main(String[] args) {
            TerminalLogging.Terminal terminal = TerminalLogging.install();
            java.util.logging.Logger.getLogger("com.github.shyiko.mysql.binlog.BinaryLogClient")
                    .info("Connected to 127.0.0.1:3306 at binlog.000001/4");
            org.apache.commons.logging.LogFactory.getLog(
                            "com.amazonaws.services.s3.internal.Mimetypes")
                    .warn("Unable to find 'mime.types' file in classpath");
            System.out.println("printed on System.out");
            System.err.println("printed on System.err");
            new IllegalStateException("a stack trace printed by a library").printStackTrace();
            terminal.out().println("[   0s] running   status");
            terminal.err().println("run-local: an error meant for the terminal");
        }
    }
}
