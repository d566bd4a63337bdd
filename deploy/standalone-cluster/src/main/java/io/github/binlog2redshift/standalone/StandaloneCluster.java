package io.github.binlog2redshift.standalone;

import io.github.binlog2redshift.localstack.internal.ChildProcess;
import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.internal.LogFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink standalone session cluster of one JobManager and one TaskManager, each its own JVM, as
 * {@code bin/start-cluster.sh} starts them: the memory flags come from {@code BashJavaUtils} (what
 * {@code jobmanager.sh} and {@code taskmanager.sh} call), then {@code
 * StandaloneSessionClusterEntrypoint} and {@code TaskManagerRunner} run with {@code --configDir}.
 *
 * <p>For fault tests, either process can be killed with SIGKILL ({@link #killJobManager()}, {@link
 * #killTaskManager()}) and started again on the same configuration, ports and directories.
 *
 * <p>{@link #close()} stops both process trees (SIGTERM, SIGKILL after a grace period) and deletes
 * the directory, keeping the logs under {@code logsCopy}; a shutdown hook does the same when the
 * test JVM is interrupted, and local-stack's orphan reapers when it is killed outright.
 */
public final class StandaloneCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneCluster.class);
    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String RESULT_PREFIX = "BASH_JAVA_UTILS_EXEC_RESULT:";

    private final FlinkHome home;
    private final FlinkRest rest;
    private final Path logsCopy;
    private final int slots;
    private ChildProcess jobManager;
    private ChildProcess taskManager;
    private final Thread shutdownHook = new Thread(this::close, "standalone-cluster-shutdown");
    private boolean closed;

    private StandaloneCluster(FlinkHome home, FlinkRest rest, Path logsCopy, int slots) {
        this.home = home;
        this.rest = rest;
        this.logsCopy = logsCopy;
        this.slots = slots;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the JobManager, then the TaskManager, and waits until its slots are registered. */
    public static StandaloneCluster start(FlinkHome home, int restPort, int slots, Path logsCopy) {
        StandaloneCluster cluster =
                new StandaloneCluster(
                        home, new FlinkRest("http://localhost:" + restPort), logsCopy, slots);
        try {
            cluster.startJobManager();
            cluster.startTaskManager();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public FlinkHome home() {
        return home;
    }

    public FlinkRest rest() {
        return rest;
    }

    /** The JobManager's log file (the enumerators of sources log there). */
    public Path jobManagerLog() {
        return home.log().resolve("flink-standalonesession.log");
    }

    /** kill -9 of the JobManager's process tree. */
    public synchronized void killJobManager() {
        jobManager.kill();
    }

    /** kill -9 of the TaskManager's process tree. */
    public synchronized void killTaskManager() {
        taskManager.kill();
    }

    /**
     * Starts the JobManager (after {@link #killJobManager()}) and waits until its REST API answers
     * and the TaskManager's slots are registered again.
     */
    public synchronized void restartJobManager() {
        startJobManager();
        jobManager.awaitReady(STARTUP, this::slotsRegistered);
    }

    /** Starts the TaskManager (after {@link #killTaskManager()}) and waits for its slots. */
    public synchronized void restartTaskManager() {
        startTaskManager();
    }

    private boolean slotsRegistered() throws Exception {
        return rest.get("/overview").path("slots-total").asInt() >= slots;
    }

    private void startJobManager() {
        List<String> params = resourceParams("GET_JM_RESOURCE_PARAMS");
        List<String> command =
                home.java(
                        "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint",
                        "flink-standalonesession",
                        "log4j.properties",
                        Arrays.asList(params.get(0).split(" ")));
        command.addAll(
                List.of("--configDir", home.conf().toString(), "--executionMode", "cluster"));
        command.addAll(dynamicProperties(params));
        jobManager = spawn("jobmanager", command);
        jobManager.awaitReady(STARTUP, () -> rest.get("/overview") != null);
    }

    private void startTaskManager() {
        List<String> params = resourceParams("GET_TM_RESOURCE_PARAMS");
        List<String> command =
                home.java(
                        "org.apache.flink.runtime.taskexecutor.TaskManagerRunner",
                        "flink-taskexecutor",
                        "log4j.properties",
                        Arrays.asList(params.get(0).split(" ")));
        command.addAll(List.of("--configDir", home.conf().toString()));
        command.addAll(dynamicProperties(params));
        taskManager = spawn("taskmanager", command);
        taskManager.awaitReady(STARTUP, this::slotsRegistered);
    }

    /** The JVM flags (line 1) and {@code -D key=value} memory settings (line 2) the scripts use. */
    private List<String> resourceParams(String what) {
        List<String> command =
                home.java(
                        "org.apache.flink.runtime.util.bash.BashJavaUtils",
                        "flink-bash-java-utils",
                        "log4j.properties",
                        List.of("-Xmx128m"));
        command.addAll(List.of(what, "--configDir", home.conf().toString()));
        Path out = home.log().resolve(what + ".out");
        ChildProcess.run(what, command, home.root(), out, Duration.ofSeconds(60));
        List<String> results =
                new LogFile(out)
                        .tail(1000)
                        .lines()
                        .filter(l -> l.startsWith(RESULT_PREFIX))
                        .map(l -> l.substring(RESULT_PREFIX.length()).trim())
                        .toList();
        if (results.isEmpty()) {
            throw new IllegalStateException(
                    what + " printed no result:\n" + new LogFile(out).tail(40));
        }
        return results;
    }

    private static List<String> dynamicProperties(List<String> params) {
        return params.size() < 2 || params.get(1).isBlank()
                ? List.of()
                : Arrays.asList(params.get(1).split(" "));
    }

    private ChildProcess spawn(String name, List<String> command) {
        return ChildProcess.start(
                name,
                command,
                home.environment(),
                home.root(),
                home.log().resolve("flink-" + name + ".out"),
                List.of());
    }

    /** Pids of both process trees, for the check that close() leaves nothing behind. */
    public synchronized List<Long> processTrees() {
        return Stream.of(jobManager, taskManager)
                .filter(p -> p != null)
                .flatMap(p -> p.processTree().stream())
                .toList();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The TaskManager first, as stop-cluster.sh does: no slot-loss restarts while stopping.
        for (ChildProcess process : new ChildProcess[] {taskManager, jobManager}) {
            if (process != null) {
                process.close();
            }
        }
        try {
            Directories.deleteRecursively(logsCopy);
            Directories.create(logsCopy.getParent());
            Files.move(home.log(), logsCopy);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot keep the cluster logs in {}", logsCopy, e);
        }
        Directories.deleteRecursively(home.root());
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: this close() runs from the hook itself.
        }
        LOG.info("Standalone cluster stopped; its logs are in {}", logsCopy);
    }
}
