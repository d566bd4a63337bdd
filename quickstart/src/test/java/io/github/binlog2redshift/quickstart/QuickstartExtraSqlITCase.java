package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local --warehouse redshift --extra-sql weird-types.sql} with Kafka records of up to
 * 16 MiB, end to end in a child JVM: the file's database is captured next to the demo's, the local
 * topics take the larger records, the 5 MiB row reaches the sink and is dead-lettered there for
 * Redshift's 4 MB COPY row ({@code oversize_row}), the catch-up settles although that table's
 * counts stay apart, and verify, given the dead letters' keys, lists exactly that row as
 * dead-lettered instead of missing: exit code 0.
 */
class QuickstartExtraSqlITCase {

    private static final Path FIXTURE = Path.of("src/test/resources/extra-sql/weird-types.sql");

    @TempDir Path dir;

    @Test
    void anOversizedRowIsDeadLetteredBySinkAndReportedByVerify() throws Exception {
        Path config = dir.resolve("large-records.properties");
        Files.writeString(config, "kafka.properties.max.request.size=16777216\n");
        try (QuickstartProcess run =
                QuickstartProcess.start(
                        QuickstartProcess.tempLog("quickstart-extra-sql-it"),
                        "--warehouse",
                        "redshift",
                        "--duration",
                        "20s",
                        "--rate",
                        "5",
                        "--plain",
                        "--rest-port",
                        "0",
                        "--extra-sql",
                        FIXTURE.toAbsolutePath().toString(),
                        "--config",
                        config.toString())) {
            int code = run.waitFor(360);
            String output = run.output();

            assertThat(code).as(output).isEqualTo(0);
            assertThat(output)
                    .contains(
                            "extra SQL: 7 statements from "
                                    + FIXTURE.toAbsolutePath()
                                    + "; new databases [Weird], new tables [Weird.MixedCase]")
                    .contains("] settled ")
                    .contains("dead letters of cdc-source (b2r_demo.dlq): 0")
                    .contains("dead letters of redshift-sink (redshift-sink.dlq): 1")
                    .containsPattern(
                            "key Weird\\.MixedCase\\.4 \\| record b2r_demo/\\d@\\d+ \\|"
                                    + " oversize_row \\|")
                    .contains("EQUAL      Weird.MixedCase -> weird.mixedcase  rows 5 / 4")
                    .contains("dead-lettered (not compared): key (userId='4'), missing in target")
                    .contains(
                            "6 tables: 6 equal, 0 different, 0 errors; 1 dead-lettered rows not"
                                    + " compared (listed above)")
                    .contains(
                            "verify: source and target are EQUAL apart from 1 dead-lettered row,"
                                    + " listed above");
            assertThat(run.errors).as("stderr").isEmpty();
        }
    }
}
