package io.github.binlog2redshift.chaos;

import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.internal.Directories;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code ./chaos --runs N --seed S}: N runs, each on its own standalone cluster and its own
 * databases, topic and staging prefix on a local stack shared by the batch, with one fault drawn
 * from its seed (docs/chaos.md). The stack is started again after a failed run, so that a service a
 * fault left broken cannot fail the runs after it. Prints every run as it ends and writes the batch
 * summary under {@code --out}; exits 0 only when every run ended with nothing lost, duplicated or
 * differing, 1 otherwise, 2 on bad options. A failed run keeps its Flink logs and properties files
 * in {@code <out>/run-<seed>/}.
 */
@Command(
        name = "chaos",
        mixinStandardHelpOptions = true,
        description = "Randomized faults under load; compares every table after recovery")
public final class ChaosCommand implements Callable<Integer> {
    @Mixin ChaosOptions options = new ChaosOptions();

    PrintWriter out = new PrintWriter(System.out, true);

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), args));
    }

    /** Runs the command; returns the exit code. */
    public static int run(PrintWriter out, String... args) {
        ChaosCommand command = new ChaosCommand();
        command.out = out;
        return new CommandLine(command).setOut(out).setErr(out).execute(args);
    }

    @Override
    public Integer call() throws Exception {
        String invalid = options.invalid();
        if (invalid != null) {
            out.println("chaos: " + invalid);
            return 2;
        }
        long first = options.seed != null ? options.seed : System.currentTimeMillis() % 1_000_000;
        List<RunResult> results = new ArrayList<>();
        LocalStack stack = null;
        try {
            for (int i = 0; i < options.runs; i++) {
                RunPlan plan =
                        RunPlan.draw(
                                first + i,
                                options.faults,
                                options.redshiftShare,
                                options.atLeastOnceShare,
                                options.loadSeconds);
                if (stack == null) {
                    stack = LocalStack.create(options.out.toAbsolutePath().resolve("stack"));
                }
                RunResult result = runOne(i + 1, plan, stack);
                if (!result.passed()) {
                    stack.close();
                    stack = null;
                }
                results.add(result);
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
        long passed = results.stream().filter(RunResult::passed).count();
        out.printf(
                "chaos: %d of %d runs passed (seeds %d..%d); summary: %s%n",
                passed,
                results.size(),
                first,
                first + options.runs - 1,
                BatchSummary.write(options.out, first, results));
        return passed == results.size() ? 0 : 1;
    }

    /** Prints the plan, runs it and prints the result; keeps the directory of a failed run. */
    private RunResult runOne(int number, RunPlan plan, LocalStack stack) throws Exception {
        out.println("chaos run " + number + "/" + options.runs + ": " + plan);
        out.println("  " + plan.fault().description + "; aimed at: " + plan.fault().aim);
        Path workDir = options.out.toAbsolutePath().resolve("run-" + plan.seed());
        Directories.deleteRecursively(workDir);
        RunResult result = attempt(plan, workDir, stack);
        result.print(out);
        if (result.passed()) {
            Directories.deleteRecursively(workDir);
        }
        return result;
    }

    private RunResult attempt(RunPlan plan, Path workDir, LocalStack stack) {
        try {
            return new ChaosRun(options, plan, workDir, stack).run();
        } catch (Exception | LinkageError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new RunResult(
                    plan.seed(),
                    plan.fault(),
                    plan.warehouse().optionValue(),
                    plan.delivery(),
                    "",
                    -1,
                    -1,
                    -1,
                    -1,
                    0,
                    0,
                    List.of(),
                    "the run itself failed: " + e);
        }
    }
}
