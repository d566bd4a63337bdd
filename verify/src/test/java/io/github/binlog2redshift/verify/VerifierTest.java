package io.github.binlog2redshift.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class VerifierTest {

    @Test
    void passwordsInUrlsAreRedacted() {
        assertThat(Verifier.redact("jdbc:mysql://h:3306/db?user=u&password=s3cret&ssl=false"))
                .isEqualTo("jdbc:mysql://h:3306/db?user=u&password=***&ssl=false");
        assertThat(Verifier.redact("jdbc:redshift://h:5439/dev;Password=s3cret;ssl=true"))
                .isEqualTo("jdbc:redshift://h:5439/dev;Password=***;ssl=true");
    }

    @Test
    void badOptionsExitWithTwo() {
        StringWriter err = new StringWriter();
        int code =
                VerifyCommand.run(
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err),
                        "--source-url",
                        "jdbc:mysql://127.0.0.1:1/");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--target-url");
    }

    @Test
    void helpListsTheOptions() {
        StringWriter out = new StringWriter();
        int code =
                VerifyCommand.run(
                        new PrintWriter(out), new PrintWriter(new StringWriter()), "--help");
        assertThat(code).isZero();
        assertThat(out.toString())
                .contains("--chunk-size", "--max-differences", "--soft-delete", "Exit code");
    }

    @Test
    void defaultsAreTheSinksNamingAndSchema() {
        VerifyCommand command = new VerifyCommand();
        new picocli.CommandLine(command)
                .parseArgs(
                        "--source-url", "jdbc:mysql://h/", "--target-url", "jdbc:postgresql://h/d");
        assertThat(command.naming)
                .isEqualTo(io.github.binlog2redshift.config.sink.TargetNaming.DB_TABLE);
        assertThat(command.targetSchema).isEqualTo("public");
    }
}
