package io.github.binlog2redshift.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/flink}: Flink's command-line client ({@code CliFrontend}) in a child JVM on the
 * distribution's lib/, with {@code FLINK_CONF_DIR} pointing at its conf/, so it finds the cluster
 * through {@code rest.address} and {@code rest.port} as a user's shell would. A job's {@code main}
 * runs inside this JVM, from the jar, in Flink's child-first user class loader.
 */
public final class FlinkCli {
    private static final Pattern SUBMITTED =
            Pattern.compile("Job has been submitted with JobID ([0-9a-f]{32})");
    private static final Pattern SAVEPOINT = Pattern.compile("Savepoint completed\\. Path: (\\S+)");
    private static final long TIMEOUT_SECONDS = 120;

    private final FlinkHome home;
    private final AtomicInteger runs = new AtomicInteger();

    public FlinkCli(FlinkHome home) {
        this.home = home;
    }

    /** {@code flink run -d -c <main> <jar> <args>}; returns the job id. */
    public String run(PackagedJob job, List<String> jobArgs) {
        return submit(List.of(), job, jobArgs);
    }

    /** {@code flink run -d -s <savepoint> -c <main> <jar> <args>}; returns the job id. */
    public String runFromSavepoint(String savepoint, PackagedJob job, List<String> jobArgs) {
        return submit(List.of("-s", savepoint), job, jobArgs);
    }

    /** {@code flink stop --savepointPath <dir> <job id>}; returns the savepoint's path. */
    public String stopWithSavepoint(String jobId, String savepointDir) {
        String out = flink(List.of("stop", "--savepointPath", savepointDir, jobId));
        return find(SAVEPOINT, out, "stop");
    }

    private String submit(List<String> options, PackagedJob job, List<String> jobArgs) {
        List<String> args = new ArrayList<>(List.of("run", "-d"));
        args.addAll(options);
        args.addAll(List.of("-c", job.mainClass, job.jar().toString()));
        args.addAll(jobArgs);
        return find(SUBMITTED, flink(args), "run " + job.artifactId);
    }

    /** Runs the client to completion and returns its output; fails on a non-zero exit. */
    private String flink(List<String> args) {
        Path out = home.log().resolve("flink-client-" + runs.incrementAndGet() + ".out");
        List<String> command =
                home.java(
                        "org.apache.flink.client.cli.CliFrontend",
                        "flink-client",
                        "log4j-cli.properties",
                        List.of("-Xmx256m"));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(home.root().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile());
        builder.environment().putAll(home.environment());
        try {
            Process process = builder.start();
            try {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(
                            "flink "
                                    + args.get(0)
                                    + " did not finish in "
                                    + TIMEOUT_SECONDS
                                    + " s:\n"
                                    + Files.readString(out));
                }
            } finally {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String output = Files.readString(out);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "flink "
                                + String.join(" ", args)
                                + " exited with "
                                + process.exitValue()
                                + ":\n"
                                + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the flink client", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running flink " + args.get(0), e);
        }
    }

    private static String find(Pattern pattern, String output, String what) {
        Matcher m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException(
                    "flink " + what + " printed no '" + pattern + "':\n" + output);
        }
        return m.group(1);
    }
}
