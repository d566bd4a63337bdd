package io.github.binlog2redshift.bench;

import io.github.binlog2redshift.bench.result.BenchResults;
import io.github.binlog2redshift.bench.result.ResultFiles;
import io.github.binlog2redshift.bench.result.ResultTable;
import io.github.binlog2redshift.bench.result.RunInfo;
import io.github.binlog2redshift.bench.scenario.SinkInput;
import io.github.binlog2redshift.bench.stack.ScenarioData;
import io.github.binlog2redshift.localstack.LocalStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./bench [--quick] [--only a,b] [--no-peer] [--out dir]}: runs the scenarios on one local
 * stack, prints the table and writes results.json, results.csv and results.svg.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description =
                "binlog2redshift throughput, latency and memory benchmarks on the local stack")
public final class BenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BenchCommand.class);

    @Option(names = "--quick", description = "small sizes: validates the harness in minutes")
    boolean quick;

    @Option(
            names = "--only",
            split = ",",
            description = "scenarios to run, by name (default: all): ${COMPLETION-CANDIDATES}")
    List<String> only = new ArrayList<>();

    @Option(names = "--no-peer", description = "skip Debezium on Kafka Connect")
    boolean noPeer;

    @Option(
            names = "--runs",
            description =
                    "interleaved runs (ours, peer, ours, peer...) each compared figure is the"
                            + " median of, after one warm-up run of each system (default: 3)")
    int runs = 3;

    @Option(
            names = "--sink-events",
            description = "override the sink-catch-up size (events over the sink tables)")
    Integer sinkEvents;

    @Option(
            names = "--latency-rates",
            split = ",",
            description = "override the latency scenario's rates (row changes/s)")
    List<Integer> latencyRates;

    @Option(
            names = "--latency-window",
            description = "override how long each latency rate is held (e.g. 20s)")
    String latencyWindow;

    @Option(
            names = "--memory-keys",
            description = "override the sink-memory size (distinct keys in one interval)")
    Integer memoryKeys;

    @Option(
            names = "--out",
            description = "where the result files go (default: benchmarks/results/<mode>)")
    Path out;

    private String warning() {
        return quick
                ? "quick mode: small sizes, validation only; not comparable with full runs"
                : "";
    }

    public static void main(String[] args) {
        int code = new CommandLine(new BenchCommand()).execute(args);
        // Flink, Kafka clients and JDBC pools leave non-daemon threads behind.
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        Sizes sizes =
                (quick ? Sizes.QUICK : Sizes.FULL)
                        .with(
                                sinkEvents,
                                latencyRates,
                                latencyWindow == null
                                        ? null
                                        : java.time.Duration.parse(
                                                "PT" + latencyWindow.toUpperCase()),
                                memoryKeys);
        if (runs < 1) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--runs must be at least 1, got " + runs);
        }
        Path outDir = out != null ? out : Path.of("benchmarks", "results", sizes.name());
        List<Scenario> scenarios = Scenarios.select(only);
        BenchResults results = new BenchResults(sizes.name());
        int failures = 0;
        Path work = Files.createTempDirectory("b2r-bench-");
        try (LocalStack stack = LocalStack.create(work.resolve("stack"))) {
            BenchEnv env = new BenchEnv(stack, sizes, work, !noPeer, results, runs);
            for (Scenario s : scenarios) {
                long started = System.nanoTime();
                LOG.info("=== scenario {} ({})", s.name(), sizes.name());
                try {
                    s.run(env);
                } catch (Exception | AssertionError e) {
                    failures++;
                    LOG.error("scenario {} failed", s.name(), e);
                    results.finding("scenario " + s.name() + " FAILED: " + e);
                }
                LOG.info(
                        "=== scenario {} took {} s",
                        s.name(),
                        (System.nanoTime() - started) / 1_000_000_000);
                // after every scenario, so a run stopped part-way keeps what it measured
                ResultFiles.write(results, RunInfo.now(warning()), outDir);
                ScenarioData.dropAllBut(stack, List.of(SinkInput.HEADLINE_PREFIX));
            }
        }
        RunInfo run = RunInfo.now(warning());
        Path json = ResultFiles.write(results, run, outDir);
        System.out.println(ResultTable.render(results, run));
        System.out.println("results: " + json + " (and results.csv, results.svg beside it)");
        return failures == 0 ? 0 : 1;
    }
}
