package io.github.binlog2redshift.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class CommandLineErrorsTest {

    @Command(name = "tool")
    static final class Tool {
        @Option(names = "--source-url", required = true)
        String sourceUrl;

        @Option(names = "--source-password")
        String sourcePassword;

        @Option(names = "--chunk-size")
        int chunkSize;

        @Option(names = {"-x", "--exclude"})
        String exclude;

        @Option(names = "--plain")
        boolean plain;
    }

    private static String error(String... args) {
        CommandLine.ParameterException e =
                catchThrowableOfType(
                        () -> new CommandLine(new Tool()).parseArgs(args),
                        CommandLine.ParameterException.class);
        assertThat(e).as("a parameter error").isNotNull();
        return CommandLineErrors.oneLine(e, args);
    }

    @Test
    void aMisspeltRequiredOptionIsUnknownWithASuggestionNotMissing() {
        assertThat(error("--source-ulr=jdbc:mysql://db1/"))
                .isEqualTo(
                        "Unknown option '--source-ulr' (value not shown); did you mean"
                                + " '--source-url'? Run with --help.");
    }

    @Test
    void theValueOfAMisspeltOptionIsNeverShown() {
        assertThat(error("--source-url=u", "--source-pasword", "s3cret"))
                .isEqualTo(
                        "Unknown option '--source-pasword'; did you mean '--source-password'?"
                                + " Run with --help.")
                .doesNotContain("s3cret");
    }

    @Test
    void valuesThatLookLikeOptionsAreValues() {
        assertThat(
                        error(
                                "--source-password",
                                "-not-an-option",
                                "-x.*_tmp",
                                "--source-url=u",
                                "--chunk-size=abc"))
                .isEqualTo(
                        "Invalid value for option '--chunk-size': 'abc' is not an int."
                                + " Run with --help.");
    }

    @Test
    void anOptionFarFromEveryNameHasNoSuggestion() {
        assertThat(error("--source-url=u", "--zzzzzzzz"))
                .isEqualTo("Unknown option '--zzzzzzzz'. Run with --help.");
    }

    @Test
    void otherErrorsKeepPicocliWordsOnOneLine() {
        assertThat(error("--plain"))
                .isEqualTo("Missing required option: '--source-url=<sourceUrl>'. Run with --help.");
        assertThat(error("--source-url=u", "stray"))
                .isEqualTo("Unmatched argument at index 1: 'stray'. Run with --help.");
    }

    @Test
    void configExceptionsAreOneLine() {
        assertThat(CommandLineErrors.oneLine(new ConfigException("first\n  second\r\nthird")))
                .isEqualTo("first second third");
    }
}
