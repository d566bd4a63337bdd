package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local} with a bad option or configuration, in a child JVM: one line on stderr, exit
 * code 2, before any service starts.
 */
class QuickstartMainTest {

    @TempDir Path dir;

    @Test
    void misspeltKeyInTheConfigFileIsOneLineWithASuggestion() throws Exception {
        Path config = dir.resolve("my.properties");
        Files.writeString(config, "source.hostnme=db1\n");

        String error = oneLineError("--config", config.toString());

        assertThat(error)
                .isEqualTo(
                        "run-local: Unknown key 'source.hostnme' (did you mean 'source.hostname'?)"
                                + " in "
                                + config
                                + ": expected options of cdc-source or redshift-sink"
                                + " (docs/configuration.md), or keys prefixed with cdc-source.,"
                                + " redshift-sink. or flink.");
    }

    @Test
    void misspeltOptionIsOneLineWithASuggestion() throws Exception {
        assertThat(oneLineError("--duraton", "20s"))
                .isEqualTo(
                        "run-local: Unknown option '--duraton'; did you mean '--duration'?"
                                + " Run with --help.");
    }

    @Test
    void aJobKeyOnTheCommandLinePointsToTheConfigFile() throws Exception {
        assertThat(oneLineError("--source.hostnme=db1"))
                .startsWith("run-local: Unknown option '--source.hostnme' (value not shown)")
                .endsWith("Keys of docs/configuration.md go in the --config file.")
                .doesNotContain("db1");
    }

    @Test
    void aMissingExtraSqlFileIsOneLineBeforeAnyServiceStarts() throws Exception {
        Path missing = dir.resolve("missing.sql");

        assertThat(oneLineError("--extra-sql", missing.toString()))
                .isEqualTo("run-local: The SQL file " + missing + " does not exist");
    }

    /** Runs run-local with {@code args}; asserts exit code 2 and one line on stderr, returned. */
    private String oneLineError(String... args) throws Exception {
        Path log = dir.resolve("run-local.log");
        try (QuickstartProcess run = QuickstartProcess.start(log, args)) {
            int code = run.waitFor(60);
            assertThat(code).as(run.output()).isEqualTo(2);
            assertThat(run.errors).as("stderr").hasSize(1);
            assertThat(run.output())
                    .doesNotContain("at io.github")
                    .doesNotContain("Exception")
                    .doesNotContain("Usage:");
            return run.errors.get(0);
        }
    }
}
