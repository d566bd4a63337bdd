package io.github.binlog2redshift.localstack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny shell process that kills the given processes (and optionally deletes a directory) once
 * this JVM is gone.
 *
 * <p>Shutdown hooks cover a normal exit and SIGINT/SIGTERM, but not SIGKILL or a crash of the test
 * JVM (for example when a build is aborted): without this, MariaDB, PostgreSQL and the child JVMs
 * would keep running and holding ports. The watcher polls once a second and exits by itself when
 * the watched processes have stopped.
 */
public final class OrphanReaper {
    private static final String SCRIPT =
            String.join(
                    "\n",
                    "jvm=$1; dir=$2; shift 2",
                    "while kill -0 \"$jvm\" 2>/dev/null; do",
                    "  alive=0",
                    "  for p in \"$@\"; do kill -0 \"$p\" 2>/dev/null && alive=1; done",
                    "  if [ -z \"$dir\" ] && [ $alive = 0 ]; then exit 0; fi",
                    "  sleep 1",
                    "done",
                    "[ $# -gt 0 ] && kill -9 \"$@\" 2>/dev/null",
                    "if [ -n \"$dir\" ]; then sleep 1; rm -rf \"$dir\"; fi",
                    "exit 0");

    private OrphanReaper() {}

    /**
     * Starts a watcher for {@code pids}; with a non-null {@code directory} it also deletes that
     * directory after this JVM died, and keeps watching even when the processes are gone.
     */
    public static Process watch(List<Long> pids, Path directory) {
        List<String> command = new ArrayList<>(List.of("sh", "-c", SCRIPT, "b2r-orphan-reaper"));
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add(directory == null ? "" : directory.toAbsolutePath().toString());
        pids.forEach(pid -> command.add(Long.toString(pid)));
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the orphan reaper (sh)", e);
        }
    }

    /** Stops a watcher once its processes were stopped (or its directory deleted) by this JVM. */
    public static void cancel(Process reaper) {
        if (reaper != null) {
            reaper.descendants().forEach(ProcessHandle::destroyForcibly);
            reaper.destroyForcibly();
        }
    }
}
