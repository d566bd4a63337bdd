package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.localstack.Warehouse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ./run-local --warehouse <each> --duration 20s} end to end in a child JVM: the local stack
 * with PostgreSQL or the local Redshift as the warehouse, both jobs in one MiniCluster, the load
 * generator with its schema change, catch-up and verify. It must exit 0 with verify's report of
 * five equal tables, and the Flink dashboard must answer on localhost with both jobs running while
 * it runs.
 */
class QuickstartITCase {

    /** A line of java.util.logging's console format, log4j's, SLF4J's or a stack trace. */
    private static final Pattern LOG_LINE =
            Pattern.compile(
                    "^(\\w{3} \\d{1,2}, \\d{4} |(INFO|WARNING|SEVERE|SLF4J): |\\d{2}:\\d{2}:\\d{2}[.,]\\d{3} |\\s+at )");

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void boundedRunVerifiesSourceEqualsTargetAndServesTheDashboard(Warehouse warehouse)
            throws Exception {
        int port = QuickstartProcess.freePort();
        Path log = QuickstartProcess.tempLog("quickstart-it");
        long started = System.nanoTime();
        try (QuickstartProcess run =
                QuickstartProcess.start(
                        log,
                        "--warehouse",
                        warehouse.optionValue(),
                        "--duration",
                        "20s",
                        "--rate",
                        "5",
                        "--plain",
                        "--rest-port",
                        Integer.toString(port))) {
            String overview = awaitRunningJobs(run, port);
            assertThat(overview).contains("\"jobs-running\":2");
            assertThat(run.printed("Flink dashboard: http://localhost:" + port + "/")).isTrue();

            int code = run.waitFor(240);
            System.out.printf(
                    "run-local --warehouse %s --duration 20s took %d s%n",
                    warehouse.optionValue(), (System.nanoTime() - started) / 1_000_000_000);
            assertThat(code).as(run.output()).isZero();
            assertThat(run.output())
                    .contains("5 tables: 5 equal, 0 different, 0 errors")
                    .contains("verify: source and target are EQUAL")
                    .contains("(+ALTER)");
            // The terminal is the status table's: the binlog client's java.util.logging lines,
            // the S3 SDK's warnings and every other library's output went to the log file.
            assertThat(run.errors).as("stderr").isEmpty();
            assertThat(run.lines)
                    .as("stdout")
                    .noneMatch(l -> LOG_LINE.matcher(l).find() || l.contains("Exception"));
            assertThat(Files.readString(log)).contains("BinaryLogClient - Connected to");
        }
    }

    /** Polls {@code GET /overview} until it reports two running jobs; returns its JSON. */
    private static String awaitRunningJobs(QuickstartProcess run, int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 120_000;
        String last = "";
        while (System.currentTimeMillis() < deadline && run.process.isAlive()) {
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://localhost:" + port + "/overview"))
                                        .timeout(Duration.ofSeconds(2))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                last = r.body();
                if (r.statusCode() == 200 && last.contains("\"jobs-running\":2")) {
                    return last;
                }
            } catch (java.io.IOException notYet) {
                // The cluster is not up yet.
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "no two running jobs on /overview; last answer: " + last + "\n" + run.output());
    }
}
