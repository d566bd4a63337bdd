package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.internal.CommandLineSpec;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The entry point a job's {@code main} uses to get its typed configuration:
 *
 * <pre>{@code
 * SourceConfig cfg = JobCommandLine.parse(args, SourceOptions.ALL, SourceConfig::from);
 * }</pre>
 *
 * <p>Sources, lowest precedence first: option defaults, the properties file named by {@code
 * --config-file}, KDA property groups, and {@code --<key>=<value>} arguments. KDA groups are read
 * when {@code --kda-properties-file} names a file, when {@code --kda} is given, or when the
 * service's file {@value KdaPropertyGroups#DEFAULT_FILE} exists (that is, on Managed Flink, where a
 * job gets no arguments). See {@link KdaPropertyGroups} for the group names.
 *
 * <p>A job's {@code main} runs its body through {@link #main(String[], JobMain)}, which turns a
 * configuration error into one line on stderr and exit status 2:
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *     JobCommandLine.main(args, CdcSourceJob::run);
 * }
 * }</pre>
 */
public final class JobCommandLine {

    /** The exit status of a configuration error: picocli's (and verify's) for a usage error. */
    public static final int CONFIG_ERROR_EXIT_CODE = 2;

    /**
     * Flink's {@code execution.target} when {@code main} runs inside the cluster: application mode
     * and a jar run through the REST API (Managed Flink) both use the embedded executor ({@code
     * EmbeddedExecutor.NAME} in flink-clients).
     */
    static final String EMBEDDED_TARGET = "embedded";

    private static final Logger LOG = LoggerFactory.getLogger(JobCommandLine.class);

    /** The body of a job's {@code main}, run by {@link #main(String[], JobMain)}. */
    @FunctionalInterface
    public interface JobMain {
        void run(String[] args) throws Exception;
    }

    private final OptionCatalog catalog;
    private final Path kdaDefaultFile;
    private final PrintWriter out;

    public JobCommandLine(OptionCatalog catalog) {
        this(
                catalog,
                Path.of(KdaPropertyGroups.DEFAULT_FILE),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    }

    /**
     * @param kdaDefaultFile where the KDA service's properties file would be (tests pass a
     *     temporary path)
     * @param out where --help is printed
     */
    public JobCommandLine(OptionCatalog catalog, Path kdaDefaultFile, PrintWriter out) {
        this.catalog = catalog;
        this.kdaDefaultFile = kdaDefaultFile;
        this.out = out;
    }

    /**
     * Parses the arguments, prints help and exits with status 0 on {@code --help}, and returns the
     * job's typed configuration; a {@link ConfigException} describes anything wrong.
     */
    public static <T> T parse(
            String[] args, OptionCatalog catalog, Function<Settings, T> configFactory) {
        Optional<Settings> settings = new JobCommandLine(catalog).load(args);
        if (settings.isEmpty()) {
            System.exit(0);
        }
        LOG.info("Effective configuration:\n{}", ConfigReport.describe(catalog, settings.get()));
        return configFactory.apply(settings.get());
    }

    /**
     * Runs a job's {@code main} body. A {@link ConfigException} from it (an unknown key, a bad or
     * missing value) prints its message as one line on stderr, without a stack trace, and exits the
     * JVM with {@value #CONFIG_ERROR_EXIT_CODE}: where a person reads the terminal ({@code java
     * -cp}, {@code flink run}) the message is the whole story. Other exceptions propagate as
     * before.
     *
     * <p>Inside the cluster (application mode, Managed Flink) the exception propagates too: exiting
     * there would stop the JobManager, and Flink logs the failure and fails the application.
     */
    public static void main(String[] args, JobMain job) throws Exception {
        int code = run(args, job, System.err, JobCommandLine::insideCluster);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * {@link #main(String[], JobMain)} without the exit: returns 0, or {@value
     * #CONFIG_ERROR_EXIT_CODE} after printing a configuration error to {@code err}.
     */
    static int run(String[] args, JobMain job, PrintStream err, BooleanSupplier insideCluster)
            throws Exception {
        try {
            job.run(args);
            return 0;
        } catch (ConfigException e) {
            if (insideCluster.getAsBoolean()) {
                throw e;
            }
            err.println(CommandLineErrors.oneLine(e));
            err.flush();
            return CONFIG_ERROR_EXIT_CODE;
        }
    }

    /** Whether {@code main} runs inside a Flink cluster rather than a client or a plain JVM. */
    static boolean insideCluster() {
        return EMBEDDED_TARGET.equals(
                StreamExecutionEnvironment.getExecutionEnvironment()
                        .getConfiguration()
                        .get(DeploymentOptions.TARGET));
    }

    /** The merged settings, or empty when help was requested (and printed). */
    public Optional<Settings> load(String[] args) {
        CommandLineSpec spec = new CommandLineSpec(catalog);
        CommandLine cli = new CommandLine(spec.spec());
        cli.setUsageHelpWidth(120);
        // Descriptions are plain text, not templates: "${...}" must print as written.
        cli.setInterpolateVariables(false);
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new ConfigException("Invalid command line: " + e.getMessage(), e);
        }
        if (parsed.isUsageHelpRequested()) {
            cli.usage(out);
            out.flush();
            return Optional.empty();
        }
        CommandLineSpec.Arguments arguments = spec.arguments(parsed);
        List<Settings> sources = new ArrayList<>();
        arguments.configFile().ifPresent(f -> sources.add(PropertiesFileSource.read(f)));
        sources.addAll(kdaSources(arguments));
        sources.add(arguments.settings());
        Settings merged = new ConfigLoader(catalog).merge(sources);
        CommandLineSecrets.warnings(catalog, merged).forEach(LOG::warn);
        return Optional.of(merged);
    }

    private List<Settings> kdaSources(CommandLineSpec.Arguments arguments) {
        if (arguments.kdaFile().isPresent()) {
            return KdaPropertyGroups.read(arguments.kdaFile().get());
        }
        if (arguments.kdaFlag() || Files.exists(kdaDefaultFile)) {
            LOG.info("Reading KDA application properties from {}", kdaDefaultFile);
            // The library's own lookup when it can succeed; read() reports a missing file.
            return kdaDefaultFile.equals(Path.of(KdaPropertyGroups.DEFAULT_FILE))
                            && Files.exists(kdaDefaultFile)
                    ? KdaPropertyGroups.readRuntime()
                    : KdaPropertyGroups.read(kdaDefaultFile);
        }
        return List.of();
    }
}
