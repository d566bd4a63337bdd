package io.github.binlog2redshift.quickstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@link QuickstartMain} in a child JVM with this test's classpath, as {@code ./run-local} starts
 * it: its output is collected line by line (and echoed to this test's log), stderr also apart, and
 * it can be sent SIGINT like a Ctrl-C in a terminal.
 */
final class QuickstartProcess implements AutoCloseable {

    final Process process;

    /** stdout and stderr, in the order they arrived. */
    final List<String> lines = new CopyOnWriteArrayList<>();

    /** stderr only. */
    final List<String> errors = new CopyOnWriteArrayList<>();

    private final List<Thread> readers = new ArrayList<>();

    private QuickstartProcess(Process process) {
        this.process = process;
        read("quickstart-output", process.getInputStream(), null);
        read("quickstart-errors", process.getErrorStream(), errors);
    }

    static QuickstartProcess start(Path logFile, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        // The test JVM may have been started with SIGINT ignored (a background job); the child
        // would inherit that and install no handler, so reset it as run-local does.
        command.addAll(List.of("env", "--default-signal=INT"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.add("-D" + QuickstartMain.LOG_FILE_PROPERTY + "=" + logFile);
        command.add("-Dlog4j2.statusLoggerLevel=ERROR");
        command.add("-Daws.java.v1.disableDeprecationAnnouncement=true");
        command.add(QuickstartMain.class.getName());
        command.addAll(List.of(args));
        return new QuickstartProcess(new ProcessBuilder(command).start());
    }

    /** A port no one listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    boolean printed(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    /** The value after {@code prefix} on the first line that has it. */
    String valueAfter(String prefix) {
        return lines.stream()
                .filter(l -> l.contains(prefix))
                .map(l -> l.substring(l.indexOf(prefix) + prefix.length()).trim())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + prefix + "' in " + lines));
    }

    void interrupt() throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    }

    /** Waits for the exit and for the last line of output; returns the exit code. */
    int waitFor(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError(
                    "run-local still running after "
                            + seconds
                            + " s:\n"
                            + String.join("\n", lines));
        }
        for (Thread reader : readers) {
            reader.join(10_000);
        }
        return process.exitValue();
    }

    String output() {
        return String.join("\n", lines);
    }

    private void read(String name, InputStream stream, List<String> also) {
        Thread reader = new Thread(() -> copy(name, stream, also), name);
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
    }

    private void copy(String name, InputStream stream, List<String> also) {
        try (BufferedReader r =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (also != null) {
                    also.add(line);
                }
                System.out.println("[run-local] " + line);
            }
        } catch (IOException e) {
            lines.add("<" + name + " read failed: " + e + ">");
        }
    }

    static Path tempLog(String name) throws IOException {
        return Files.createTempFile("b2r-" + name + "-", ".log");
    }

    @Override
    public void close() {
        // Only if a test failed half-way: SIGTERM runs the same shutdown hooks as Ctrl-C.
        if (process.isAlive()) {
            process.destroy();
            try {
                process.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process.destroyForcibly();
        }
    }
}
