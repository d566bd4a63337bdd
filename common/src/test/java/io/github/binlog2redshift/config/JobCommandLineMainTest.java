package io.github.binlog2redshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JobCommandLine#main}: a configuration error is one line and exit status 2 outside the
 * cluster, the exception itself inside it; other failures are untouched.
 */
class JobCommandLineMainTest {

    @TempDir Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(JobCommandLine.JobMain job, boolean insideCluster, String... args)
            throws Exception {
        return JobCommandLine.run(
                args, job, new PrintStream(err, true, StandardCharsets.UTF_8), () -> insideCluster);
    }

    private void loadSourceOptions(String[] args) {
        new JobCommandLine(
                        SourceOptions.ALL,
                        dir.resolve("no-kda.json"),
                        new PrintWriter(new StringWriter()))
                .load(args);
    }

    @Test
    void misspeltKeyIsOneLineOnStderrAndExitStatus2() throws Exception {
        int code = run(this::loadSourceOptions, false, "--source.hostnme=db1");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        "Unknown command-line argument '--source.hostnme' (value not shown); did"
                                + " you mean '--source.hostname'? Run with --help."
                                + System.lineSeparator());
    }

    @Test
    void aMessageOverSeveralLinesIsPrintedOnOne() throws Exception {
        int code =
                run(
                        a -> {
                            throw new ConfigException("first\n  second\r\nthird");
                        },
                        false);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("first second third");
    }

    @Test
    void insideTheClusterTheConfigExceptionPropagates() {
        assertThatThrownBy(() -> run(this::loadSourceOptions, true, "--source.hostnme=db1"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("did you mean '--source.hostname'?");
        assertThat(err.size()).isZero();
    }

    @Test
    void otherFailuresPropagateUnchanged() {
        IllegalStateException failure = new IllegalStateException("preflight failed");
        assertThatThrownBy(
                        () ->
                                run(
                                        a -> {
                                            throw failure;
                                        },
                                        false))
                .isSameAs(failure);
        assertThat(err.size()).isZero();
    }

    @Test
    void aSuccessfulRunExitsWithNothing() throws Exception {
        assertThat(run(a -> {}, false)).isZero();
        assertThat(err.size()).isZero();
    }

    @Test
    void theEmbeddedExecutorMeansInsideTheCluster() {
        assertThat(JobCommandLine.insideCluster()).isFalse();
        Configuration embedded = new Configuration();
        embedded.set(DeploymentOptions.TARGET, JobCommandLine.EMBEDDED_TARGET);
        ClusterContext.install(embedded);
        try {
            assertThat(JobCommandLine.insideCluster()).isTrue();
        } finally {
            ClusterContext.reset();
        }
        Configuration remote = new Configuration();
        remote.set(DeploymentOptions.TARGET, "remote");
        ClusterContext.install(remote);
        try {
            assertThat(JobCommandLine.insideCluster()).as("flink run").isFalse();
        } finally {
            ClusterContext.reset();
        }
    }

    /** The context environment Flink installs before it calls a job's main. */
    private static final class ClusterContext extends StreamExecutionEnvironment {
        static void install(Configuration configuration) {
            initializeContextEnvironment(
                    c -> new StreamExecutionEnvironment(new Configuration(configuration)));
        }

        static void reset() {
            resetContextEnvironment();
        }
    }
}
