package io.github.binlog2redshift.e2e;

import static org.awaitility.Awaitility.await;

import io.github.binlog2redshift.verify.VerifyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code verify} command through its Java entry point against a test's two source
 * databases and its warehouse, with the sink's default naming.
 */
final class Verification {

    private static final Logger LOG = LoggerFactory.getLogger(Verification.class);

    /** verify's exit code (0 equal, 1 different, 2 error) and its report. */
    record Result(int exitCode, String report) {
        boolean equal() {
            return exitCode == 0;
        }
    }

    private Verification() {}

    static Result run(PipelineResources p) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--source-url",
                                p.db1().jdbcUrl(),
                                "--source-user",
                                p.db1().user(),
                                "--source-password",
                                p.db1().password(),
                                "--target-url",
                                p.warehouse().jdbcUrl(),
                                "--target-user",
                                p.warehouse().user(),
                                "--tables",
                                "(" + p.db1().name() + "|" + p.db2().name() + ")\\..*",
                                "--no-progress"));
        if (!p.warehouse().password().isEmpty()) {
            args.addAll(List.of("--target-password", p.warehouse().password()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                VerifyCommand.run(
                        new PrintWriter(out, true),
                        new PrintWriter(err, true),
                        args.toArray(String[]::new));
        return new Result(code, out + err.toString());
    }

    /**
     * Waits until verify finds the target equal to the source; commits of different tables land at
     * slightly different moments, so "equal" is polled, never assumed after one sentinel.
     */
    static Result awaitEqual(PipelineResources p, Duration timeout) {
        AtomicReference<Result> last = new AtomicReference<>();
        try {
            await().atMost(timeout)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                last.set(run(p));
                                return last.get().equal();
                            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "target never equalled the source; last verify report:\n"
                            + (last.get() == null ? "(none)" : last.get().report()),
                    e);
        }
        LOG.info("verify: equal\n{}", last.get().report());
        return last.get();
    }
}
