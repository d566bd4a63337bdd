package io.github.binlog2redshift.verify;

import io.github.binlog2redshift.config.CommandLineErrors;
import io.github.binlog2redshift.config.sink.TargetNaming;
import io.github.binlog2redshift.verify.mapping.DefaultTableMapping;
import io.github.binlog2redshift.verify.mapping.SinkTables;
import io.github.binlog2redshift.verify.mapping.TargetName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code verify}: proves that a MySQL/MariaDB source equals its PostgreSQL or Redshift copy, table
 * by table. Exit code 0 when equal, 1 when different, 2 on error (including bad options). Options
 * can also be kept in a file and passed as {@code @file} (picocli argument files).
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        version = "binlog2redshift verify 0.1",
        sortOptions = false,
        description = {
            "Compares MySQL/MariaDB tables with their PostgreSQL/Redshift copies:",
            "row counts, then checksums of primary-key chunks, then the differing rows.",
            "Exit code: 0 equal, 1 different, 2 error."
        })
public final class VerifyCommand implements Callable<Integer> {

    @Option(
            names = "--source-url",
            required = true,
            description = "Source JDBC URL, jdbc:mysql://host:port/")
    String sourceUrl;

    @Option(
            names = "--source-user",
            defaultValue = "root",
            description = "Source user (default: ${DEFAULT-VALUE})")
    String sourceUser;

    @Option(
            names = "--source-password",
            defaultValue = "${env:B2R_SOURCE_PASSWORD}",
            description = "Source password (default: environment variable B2R_SOURCE_PASSWORD)")
    String sourcePassword;

    @Option(
            names = "--target-url",
            required = true,
            description = "Target JDBC URL: jdbc:postgresql://... or jdbc:redshift://...")
    String targetUrl;

    @Option(names = "--target-user", description = "Target user")
    String targetUser;

    @Option(
            names = "--target-password",
            defaultValue = "${env:B2R_TARGET_PASSWORD}",
            description = "Target password (default: environment variable B2R_TARGET_PASSWORD)")
    String targetPassword;

    @Option(
            names = "--target-kind",
            description =
                    "postgres or redshift (default: from the URL; set redshift when reaching Redshift through the PostgreSQL driver)")
    TargetKind targetKind;

    @Option(
            names = "--sink-config",
            paramLabel = "FILE",
            description =
                    "The sink's properties file: its target naming, schema, table rules (target names,"
                            + " soft_delete, skip_delete, ignore_ddl, keyless, exclude) and lists decide"
                            + " the tables, their targets and modes; replaces --table-naming and"
                            + " --target-schema, adds to the mode options; --map still wins")
    Path sinkConfig;

    @Option(
            names = "--table-naming",
            defaultValue = "DB_TABLE",
            description =
                    "The sink's sink.target-naming: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE},"
                            + " the sink's default: <schema>.<db>__<table>)")
    TargetNaming naming;

    @Option(
            names = "--target-schema",
            defaultValue = "public",
            description =
                    "The sink's sink.redshift.schema, for DB_TABLE and TABLE_ONLY (default: ${DEFAULT-VALUE})")
    String targetSchema;

    @Option(
            names = "--map",
            paramLabel = "db.table=schema.table",
            description = "Target of one source table, overriding the default naming (repeatable)")
    Map<String, String> mappings = new LinkedHashMap<>();

    @Option(
            names = {"-t", "--tables"},
            paramLabel = "REGEX",
            description =
                    "Tables to compare, regular expressions on db.table matched whole (repeatable; default: all)")
    List<String> tables = new ArrayList<>();

    @Option(
            names = {"-x", "--exclude"},
            paramLabel = "REGEX",
            description = "Tables to leave out (repeatable)")
    List<String> exclude = new ArrayList<>();

    @Option(
            names = "--soft-delete",
            paramLabel = "REGEX",
            description =
                    "Tables whose target keeps deleted rows flagged by --soft-delete-column (repeatable)")
    List<String> softDelete = new ArrayList<>();

    @Option(
            names = "--soft-delete-column",
            defaultValue = "_b2r_deleted",
            description =
                    "Boolean target column flagging a soft-deleted row (default: ${DEFAULT-VALUE})")
    String softDeleteColumn;

    @Option(
            names = "--skip-delete",
            paramLabel = "REGEX",
            description =
                    "Tables whose target may keep rows deleted in the source (reported, not a failure)")
    List<String> skipDelete = new ArrayList<>();

    @Option(
            names = "--ignore-ddl",
            paramLabel = "REGEX",
            description =
                    "Tables whose target columns may lag the source: compare the common columns only")
    List<String> ignoreDdl = new ArrayList<>();

    @Option(
            names = "--dead-lettered",
            paramLabel = "FILE",
            description =
                    "Rows in a dead-letter output, one Kafka record key a line (db.table.key..., the"
                            + " letters' key): such a row missing or changed in the target is listed"
                            + " as dead-lettered, not compared; extra rows and other rows still differ")
    Path deadLettered;

    @Option(
            names = "--chunk-size",
            defaultValue = "10000",
            description = "Source rows per checksum chunk (default: ${DEFAULT-VALUE})")
    int chunkSize;

    @Option(
            names = "--max-differences",
            defaultValue = "100",
            description =
                    "Differing rows listed per table; all are counted (default: ${DEFAULT-VALUE})")
    int maxDifferences;

    @Option(
            names = "--fetch-size",
            defaultValue = "5000",
            description = "Rows per round trip from the target (default: ${DEFAULT-VALUE})")
    int fetchSize;

    @Option(names = "--no-progress", description = "No progress bar (e.g. in CI logs)")
    boolean noProgress;

    PrintWriter out = new PrintWriter(System.out, true);

    /** The kind of warehouse, which decides the SQL dialect. */
    enum TargetKind {
        postgres,
        redshift
    }

    public static void main(String[] args) {
        System.exit(
                run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        VerifyCommand command = new VerifyCommand();
        command.out = out;
        CommandLine cli = new CommandLine(command).setOut(out).setErr(err);
        // One line, as the jobs print a misspelt key, instead of picocli's suggestions and usage.
        cli.setParameterExceptionHandler(
                (e, a) -> {
                    err.println("verify: " + CommandLineErrors.oneLine(e, a));
                    return 2;
                });
        cli.setExecutionExceptionHandler(
                (e, line, parsed) -> {
                    err.println("verify: " + e.getMessage());
                    return 2;
                });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        if (chunkSize < 1 || maxDifferences < 0 || fetchSize < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this),
                    "--chunk-size and --fetch-size must be at least 1 and --max-differences at least 0, got "
                            + chunkSize
                            + ", "
                            + fetchSize
                            + ", "
                            + maxDifferences);
        }
        Map<String, TargetName> overrides = new LinkedHashMap<>();
        mappings.forEach((k, v) -> overrides.put(k, DefaultTableMapping.parseTarget(v)));
        TargetKind kind =
                targetKind != null
                        ? targetKind
                        : targetUrl.startsWith("jdbc:redshift:")
                                ? TargetKind.redshift
                                : TargetKind.postgres;
        if (sinkConfig != null) {
            SinkTables sink = SinkTables.read(sinkConfig, overrides);
            return new Verifier(this, kind, sink, sink).run();
        }
        return new Verifier(
                        this, kind, new DefaultTableMapping(naming, targetSchema, overrides), null)
                .run();
    }
}
