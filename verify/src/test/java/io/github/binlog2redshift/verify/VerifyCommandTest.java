package io.github.binlog2redshift.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** verify's bad command lines: one line on stderr and exit code 2, as the jobs' misspelt keys. */
class VerifyCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return VerifyCommand.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void misspeltOptionIsOneLineWithASuggestionAndExitCode2() {
        int code = run("--source-ulr=jdbc:mysql://db1/", "--target-url=jdbc:postgresql://h/d");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .isEqualTo(
                        "verify: Unknown option '--source-ulr' (value not shown); did you mean"
                                + " '--source-url'? Run with --help.");
        assertThat(err.toString() + out)
                .doesNotContain("at io.github")
                .doesNotContain("Exception")
                .doesNotContain("Usage:");
    }

    @Test
    void misspeltPasswordOptionDoesNotShowThePassword() {
        int code =
                run(
                        "--source-url=jdbc:mysql://db1/",
                        "--target-url=jdbc:postgresql://h/d",
                        "--target-pasword",
                        "s3cret-42");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains("did you mean '--target-password'?");
        assertThat(err.toString() + out).doesNotContain("s3cret-42");
    }

    @Test
    void invalidValuesAreOneLineToo() {
        int code =
                run(
                        "--source-url=jdbc:mysql://db1/",
                        "--target-url=jdbc:postgresql://h/d",
                        "--chunk-size=0");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("verify: --chunk-size and --fetch-size must be at least 1");
    }
}
