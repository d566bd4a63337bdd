package io.github.binlog2redshift.localstack.internal;

import io.github.binlog2redshift.localstack.ServiceStartException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service process started by the local stack: its output goes to a log file whose tail is put
 * into every startup error, and closing it stops the whole process tree.
 *
 * <p>Closing asks the process to stop (SIGTERM by default, or a service-specific stop command),
 * waits for a grace period, then kills the process and every descendant that is still alive. A
 * {@link OrphanReaper} kills the same processes if this JVM dies without closing it (SIGKILL,
 * crash), so no service outlives the test run.
 */
public final class ChildProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 40;

    /**
     * A readiness probe; exceptions count as "not ready yet" and the last one is reported on
     * timeout.
     */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws Exception;
    }

    private final String name;
    private final Process process;
    private final LogFile log;
    private final List<String> stopCommand;
    private final ProcessBuilder builder;
    private Process reaper;

    private ChildProcess(
            String name, Process process, LogFile log, List<String> stopCommand, ProcessBuilder b) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopCommand = stopCommand;
        this.builder = b;
    }

    /**
     * Starts {@code command} with stdout and stderr appended to {@code logFile}.
     *
     * @param stopCommand a command that asks the service to stop ({@code {pid}} is replaced by the
     *     pid), or an empty list for SIGTERM
     */
    public static ChildProcess start(
            String name,
            List<String> command,
            Path workDir,
            Path logFile,
            List<String> stopCommand) {
        return start(name, command, Map.of(), workDir, logFile, stopCommand);
    }

    /**
     * Like {@link #start(String, List, Path, Path, List)}, with {@code environment} added to this
     * JVM's environment (Flink's processes find their configuration and plugins through it).
     */
    public static ChildProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path logFile,
            List<String> stopCommand) {
        LOG.debug("Starting {}: {}", name, command);
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        return launch(name, builder, new LogFile(logFile), stopCommand);
    }

    private static ChildProcess launch(
            String name, ProcessBuilder builder, LogFile log, List<String> stopCommand) {
        try {
            ChildProcess child = new ChildProcess(name, builder.start(), log, stopCommand, builder);
            child.reaper = OrphanReaper.watch(List.of(child.process.pid()), null);
            return child;
        } catch (IOException e) {
            throw new ServiceStartException(name, "cannot run " + builder.command().get(0), e);
        }
    }

    /**
     * Runs the same command again (same directory, environment and log file, appended) after this
     * process stopped, and waits until {@code probe} says it is ready: a service restarted in place
     * keeps its data directory and port, as a server restarted by its operator does.
     */
    public ChildProcess restarted(Duration timeout, Probe probe) {
        close();
        ChildProcess again = launch(name, builder, log, stopCommand);
        try {
            again.awaitReady(timeout, probe);
        } catch (RuntimeException e) {
            again.close();
            throw e;
        }
        return again;
    }

    /** SIGKILL to the process and its descendants, as {@code kill -9}: no clean shutdown. */
    public void kill() {
        List<ProcessHandle> tree = handles();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            handle.onExit().completeOnTimeout(handle, 5, TimeUnit.SECONDS).join();
        }
        OrphanReaper.cancel(reaper);
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Runs a setup command (initdb, storage format) to completion; fails with its log tail. */
    public static void run(
            String name, List<String> command, Path workDir, Path logFile, Duration timeout) {
        try (ChildProcess child = start(name, command, workDir, logFile, List.of())) {
            if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw child.failure("did not finish within " + timeout, null);
            }
            if (child.process.exitValue() != 0) {
                throw child.failure("exited with code " + child.process.exitValue(), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceStartException(name, "interrupted", e);
        }
    }

    /** Polls {@code probe} until it returns true; fails early if the process exits. */
    public void awaitReady(Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw failure("exited with code " + process.exitValue() + " during startup", last);
            }
            try {
                if (probe.ready()) {
                    refreshReaper();
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("interrupted during startup", e);
            }
        }
        throw failure("not ready within " + timeout, last);
    }

    /** An exception naming this service and carrying the tail of its log. */
    public ServiceStartException failure(String what, Throwable cause) {
        return new ServiceStartException(
                name, what + "; last lines of " + log.path() + ":\n" + log.tail(TAIL_LINES), cause);
    }

    public long pid() {
        return process.pid();
    }

    /** The pid of the process and of all its descendants, as of now. */
    public List<Long> processTree() {
        return handles().stream().map(ProcessHandle::pid).collect(Collectors.toList());
    }

    public String logTail() {
        return log.tail(TAIL_LINES);
    }

    /**
     * Re-arms the reaper with the current process tree (servers like PostgreSQL fork after
     * startup).
     */
    private void refreshReaper() {
        OrphanReaper.cancel(reaper);
        reaper = OrphanReaper.watch(processTree(), null);
    }

    private List<ProcessHandle> handles() {
        return java.util.stream.Stream.concat(
                        java.util.stream.Stream.of(process.toHandle()), process.descendants())
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        List<ProcessHandle> tree = handles();
        if (process.isAlive()) {
            requestStop();
            try {
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.warn("{} did not stop within {}; killing it", name, GRACE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Descendants that outlived their parent (or the parent itself after the grace period) are
        // killed.
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            handle.onExit().completeOnTimeout(handle, 5, TimeUnit.SECONDS).join();
        }
        OrphanReaper.cancel(reaper);
    }

    private void requestStop() {
        if (stopCommand.isEmpty()) {
            process.destroy();
            return;
        }
        List<String> command =
                stopCommand.stream()
                        .map(arg -> arg.replace("{pid}", Long.toString(process.pid())))
                        .collect(Collectors.toList());
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            LOG.warn("Cannot run {} to stop {}; sending SIGTERM", command, name, e);
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
