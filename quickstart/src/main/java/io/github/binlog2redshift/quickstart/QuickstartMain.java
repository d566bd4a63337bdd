package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.CommandLineErrors;
import io.github.binlog2redshift.config.ConfigException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code ./run-local}: the whole pipeline on this machine in one command. See {@link
 * QuickstartOptions} for the options and the README for what it shows.
 *
 * <p>Exit codes: 0 when verify found source and target equal (apart from rows it lists as
 * dead-lettered), 1 when they differ, 2 on an error (a failed job, a bad option, a timeout while
 * catching up counts as "differ" only if verify then finds a difference). Ctrl-C stops everything
 * and exits with the JVM's 130.
 */
public final class QuickstartMain {

    /** System property naming the log file; read by this module's log4j2.xml. */
    static final String LOG_FILE_PROPERTY = "b2r.log.file";

    private QuickstartMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /**
     * Parses {@code args}, runs, and returns the exit code. A bad option or configuration is one
     * line on stderr and exit code 2.
     */
    static int run(String... args) {
        QuickstartOptions options = new QuickstartOptions();
        CommandLine cli = new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return 0;
            }
        } catch (CommandLine.ParameterException e) {
            System.err.println("run-local: " + CommandLineErrors.oneLine(e, args) + hint(args));
            return 2;
        }
        // Flink logs a lot; the terminal shows the status table and the log goes to a file. The
        // property must be set before the first logger is created.
        Path log = logFile();
        TerminalLogging.Terminal terminal = TerminalLogging.install();
        PrintStream out = terminal.out();
        out.println("binlog2redshift run-local (log: " + log + ")");
        try {
            UserProperties user =
                    options.config == null
                            ? UserProperties.none()
                            : UserProperties.read(options.config);
            try (Quickstart run = new Quickstart(options, user, out)) {
                return run.run();
            }
        } catch (ConfigException e) {
            terminal.err().println("run-local: " + CommandLineErrors.oneLine(e));
            LoggerFactory.getLogger(QuickstartMain.class).error("run-local: {}", e.getMessage());
            return 2;
        } catch (Exception e) {
            out.println("run-local failed: " + e);
            LoggerFactory.getLogger(QuickstartMain.class).error("run-local failed", e);
            return 2;
        }
    }

    /** Where the jobs' keys go, for an option that looks like one ({@code --source.hostname}). */
    private static String hint(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--") && arg.split("=", 2)[0].contains(".")) {
                return " Keys of docs/configuration.md go in the --config file.";
            }
        }
        return "";
    }

    private static Path logFile() {
        String configured = System.getProperty(LOG_FILE_PROPERTY);
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path file = Files.createTempFile("b2r-run-local-", ".log");
            System.setProperty(LOG_FILE_PROPERTY, file.toString());
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a log file", e);
        }
    }
}
