package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.quickstart.MySqlScript.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Splitting a {@code --extra-sql} file into statements. */
class MySqlScriptTest {

    @TempDir Path dir;

    @Test
    void statementsEndWithASemicolonOrTheEndOfTheFile() {
        assertThat(MySqlScript.split("CREATE DATABASE a;\nUSE a ;\n\nSELECT 1"))
                .containsExactly(
                        new Statement(1, "CREATE DATABASE a"),
                        new Statement(2, "USE a"),
                        new Statement(4, "SELECT 1"));
    }

    @Test
    void aSemicolonInAQuoteOrCommentEndsNothing() {
        String text =
                "INSERT INTO t VALUES ('a;b', 'it''s;', 'c\\';d', \"e;f\");\n"
                        + "CREATE TABLE `we;ird``s` (x INT) -- no end; here\n"
                        + "  # nor; here\n"
                        + "  /* nor;\n here */ ;\n";

        assertThat(MySqlScript.split(text))
                .extracting(Statement::line, Statement::sql)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                1, "INSERT INTO t VALUES ('a;b', 'it''s;', 'c\\';d', \"e;f\")"),
                        org.assertj.core.groups.Tuple.tuple(
                                2,
                                "CREATE TABLE `we;ird``s` (x INT) -- no end; here\n"
                                        + "  # nor; here\n"
                                        + "  /* nor;\n here */"));
    }

    @Test
    void commentsAloneAreNoStatementButExecutableCommentsAre() {
        String text =
                "-- a comment;\n# another;\n/* and; another */;\n"
                        + "/*!40101 SET NAMES utf8mb4 */;\n--\nSELECT 2;\n";

        assertThat(MySqlScript.split(text))
                .containsExactly(
                        new Statement(4, "/*!40101 SET NAMES utf8mb4 */"),
                        new Statement(6, "SELECT 2"));
    }

    @Test
    void twoDashesWithoutABlankAreAnOperator() {
        assertThat(MySqlScript.split("SELECT 1--1;"))
                .containsExactly(new Statement(1, "SELECT 1--1"));
    }

    @Test
    void anUnclosedQuoteNamesTheFileAndLine() throws Exception {
        Path file = dir.resolve("bad.sql");
        Files.writeString(file, "SELECT 1;\nSELECT 'open;\nSELECT 2;\n");

        assertThatThrownBy(() -> MySqlScript.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "The SQL file "
                                + file
                                + " is not a script of statements: the ' quote opened on line 2"
                                + " is not closed");
    }

    @Test
    void aFileOfNoStatementIsRefused() throws Exception {
        Path file = dir.resolve("empty.sql");
        Files.writeString(file, "-- nothing here\n");

        assertThatThrownBy(() -> MySqlScript.read(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage("The SQL file " + file + " holds no statement");
    }

    @Test
    void theCommittedFixtureSplits() throws Exception {
        Path fixture = Path.of("src/test/resources/extra-sql/weird-types.sql");

        assertThat(MySqlScript.read(fixture).statements())
                .extracting(Statement::sql)
                .anyMatch(s -> s.startsWith("CREATE TABLE `Weird`.`MixedCase`"));
    }
}
