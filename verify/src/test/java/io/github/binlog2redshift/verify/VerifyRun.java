package io.github.binlog2redshift.verify;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the verify command line against a test's databases and keeps its exit code and output. */
record VerifyRun(int exitCode, String out, String err) {

    static VerifyRun of(MySqlDatabase source, WarehouseDatabase target, String... extraArgs) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--source-url", source.jdbcUrl(),
                                "--source-user", source.user(),
                                "--source-password", source.password(),
                                "--target-url", target.jdbcUrl(),
                                "--target-user", target.user(),
                                // the tests create one schema per source database
                                "--table-naming", "SCHEMA_PER_DATABASE"));
        if (target.password() != null) {
            args.addAll(List.of("--target-password", target.password()));
        }
        args.addAll(List.of(extraArgs));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                VerifyCommand.run(
                        new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        VerifyRun run = new VerifyRun(code, out.toString(), err.toString());
        // the report is the evidence when an assertion fails: keep it in the test output
        System.out.println("verify exit " + code + "\n" + run.out + run.err);
        return run;
    }
}
