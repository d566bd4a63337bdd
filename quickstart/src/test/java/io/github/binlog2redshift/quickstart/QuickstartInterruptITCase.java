package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C on an unbounded {@code ./run-local}: after SIGINT the JVM exits and no process it started
 * is left, neither a descendant (mariadbd, postgres, the Kafka and S3Proxy JVMs, their watchers)
 * nor any process whose command line names the run's stack directory.
 */
class QuickstartInterruptITCase {

    @Test
    void ctrlCLeavesNoProcessBehind() throws Exception {
        Path log = QuickstartProcess.tempLog("quickstart-interrupt");
        try (QuickstartProcess run =
                QuickstartProcess.start(log, "--rate", "5", "--plain", "--rest-port", "0")) {
            long deadline = System.currentTimeMillis() + 120_000;
            while (!run.printed("jobs RUNNING/RUNNING") && System.currentTimeMillis() < deadline) {
                assertThat(run.process.isAlive()).as(run.output()).isTrue();
                Thread.sleep(500);
            }
            assertThat(run.printed("jobs RUNNING/RUNNING")).as(run.output()).isTrue();
            String stackDir = run.valueAfter("local services in");
            List<ProcessHandle> children = run.process.descendants().toList();
            assertThat(children.stream().map(QuickstartInterruptITCase::command))
                    .anyMatch(c -> c.contains("mariadbd"))
                    .anyMatch(c -> c.contains("postgres"));

            long interrupted = System.nanoTime();
            run.interrupt();
            run.waitFor(90);
            System.out.printf(
                    "stopped %d s after SIGINT%n",
                    (System.nanoTime() - interrupted) / 1_000_000_000);

            // The stack's orphan watchers finish their cleanup just after the JVM exits: give the
            // run's processes a bounded moment to end before asserting none is left.
            long stopDeadline = System.nanoTime() + 15_000_000_000L;
            while (children.stream().anyMatch(ProcessHandle::isAlive)
                    && System.nanoTime() < stopDeadline) {
                Thread.sleep(200);
            }
            assertThat(
                            children.stream()
                                    .filter(ProcessHandle::isAlive)
                                    .map(QuickstartInterruptITCase::command))
                    .as("processes of the run still alive")
                    .isEmpty();
            assertThat(processesNaming(stackDir)).as("processes naming " + stackDir).isEmpty();
            assertThat(Path.of(stackDir)).doesNotExist();
        }
    }

    private static String command(ProcessHandle p) {
        return p.pid() + " " + p.info().commandLine().orElse(p.info().command().orElse("?"));
    }

    /** Pids whose /proc command line contains {@code text}. */
    private static List<String> processesNaming(String text) throws Exception {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(
                            p -> {
                                try {
                                    return new String(Files.readAllBytes(p.resolve("cmdline")))
                                            .contains(text);
                                } catch (Exception gone) {
                                    return false;
                                }
                            })
                    .map(p -> p.getFileName().toString())
                    .toList();
        }
    }
}
