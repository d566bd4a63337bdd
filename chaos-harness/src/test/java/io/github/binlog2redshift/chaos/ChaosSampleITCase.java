package io.github.binlog2redshift.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixed sample of {@code ./chaos} that {@code ./test} runs: one seed, a JobManager killed while
 * the binlog is read and both jobs resubmitted from their retained checkpoints, on a short load. It
 * must end with every table, side tables included, equal to its source. One seed because a run
 * costs about four minutes of the suite's budget on two cores; seed 11 (a TaskManager killed right
 * after a merge committed) and the randomized runs are {@code ./chaos} commands (docs/chaos.md).
 */
class ChaosSampleITCase {

    @ParameterizedTest(name = "seed {0}: {1}")
    @CsvSource({"12, JOBMANAGER_KILL_BINLOG"})
    void nothingLostOrDuplicated(long seed, FaultKind fault) {
        // Under target/: a failed run keeps its Flink logs there (a passed run's are deleted).
        Path out = Path.of("target", "chaos-sample").toAbsolutePath();
        StringWriter report = new StringWriter();
        int code =
                ChaosCommand.run(
                        new PrintWriter(report, true),
                        "--runs",
                        "1",
                        "--seed",
                        Long.toString(seed),
                        "--faults",
                        fault.name(),
                        "--load-seconds",
                        "25",
                        "--snapshot-rows",
                        "4000",
                        "--redshift-share",
                        "0",
                        "--s3-outage-seconds",
                        "15",
                        "--out",
                        out.toString());
        System.out.print(report);
        assertThat(code).as(report.toString()).isZero();
        assertThat(report.toString())
                .contains("seed " + seed + "  " + fault + " on postgres, source ")
                .contains(": PASSED")
                .contains("accounts_history")
                .contains("tickets_delete");
        assertThat(out.resolve("chaos-" + seed + "x1.json")).exists();
    }
}
