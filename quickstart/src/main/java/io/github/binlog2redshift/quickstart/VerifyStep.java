package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.sink.TableRule;
import io.github.binlog2redshift.config.source.MySqlConnection;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.verify.VerifyCommand;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs {@code verify} in this JVM over the tracked tables: each source table against the warehouse
 * table the sink's naming gives it ({@code --map}), with the sink's delete rules as verify's table
 * modes. Passwords go to verify as arguments of an in-process call, never through a command line
 * another process could read, and are never printed.
 */
final class VerifyStep {

    private VerifyStep() {}

    /** Verify's exit code: 0 equal, 1 different, 2 error. */
    static int run(
            Pipeline pipeline,
            ConnectionSettings target,
            List<TrackedTable> tables,
            Path deadLettered,
            PrintWriter out,
            PrintWriter err) {
        return VerifyCommand.run(
                out, err, arguments(pipeline, target, tables, deadLettered).toArray(String[]::new));
    }

    /**
     * {@code deadLettered}: a file of the dead letters' keys for {@code --dead-lettered}, or null.
     */
    static List<String> arguments(
            Pipeline pipeline,
            ConnectionSettings target,
            List<TrackedTable> tables,
            Path deadLettered) {
        if (target.secretId() != null) {
            throw new IllegalArgumentException(
                    "verify needs the target's user and password; sink.redshift.secret-id is not"
                            + " supported by run-local's verify step yet");
        }
        MySqlConnection src = pipeline.source().mysql();
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--source-url",
                                "jdbc:mysql://"
                                        + src.hostname()
                                        + ":"
                                        + src.port()
                                        + "/"
                                        + (pipeline.demo().isPresent()
                                                ? "?sslMode=DISABLED&allowPublicKeyRetrieval=true"
                                                : ""),
                                "--source-user",
                                src.username(),
                                "--source-password",
                                src.password().reveal(),
                                "--target-url",
                                targetUrl(target),
                                "--target-user",
                                target.user(),
                                "--target-kind",
                                target.kind() == WarehouseKind.REDSHIFT ? "redshift" : "postgres",
                                "--no-progress"));
        if (target.password() != null) {
            args.add("--target-password");
            args.add(target.password());
        }
        if (deadLettered != null) {
            args.add("--dead-lettered");
            args.add(deadLettered.toString());
        }
        SinkConfig sink = pipeline.sink();
        for (TrackedTable t : tables) {
            String name = Pattern.quote(t.source());
            args.add("--tables");
            args.add(name);
            args.add("--map");
            args.add(t.source() + "=" + t.target());
            TableRule rule = sink.tables().ruleFor(t.database(), t.table()).orElse(null);
            if (rule != null) {
                if (rule.deletes() == DeleteHandling.SOFT)
                    args.addAll(List.of("--soft-delete", name));
                if (rule.deletes() == DeleteHandling.SKIP)
                    args.addAll(List.of("--skip-delete", name));
                if (rule.ignoreDdl()) args.addAll(List.of("--ignore-ddl", name));
            }
        }
        return args;
    }

    private static String targetUrl(ConnectionSettings t) {
        if (t.jdbcUrl() != null) {
            return t.jdbcUrl();
        }
        return t.kind() == WarehouseKind.POSTGRES
                ? "jdbc:postgresql://"
                        + t.host()
                        + ":"
                        + t.port()
                        + "/"
                        + t.database()
                        + "?sslmode="
                        + (t.ssl() ? "require" : "disable")
                : "jdbc:redshift://"
                        + t.host()
                        + ":"
                        + t.port()
                        + "/"
                        + t.database()
                        + "?ssl="
                        + t.ssl();
    }
}
