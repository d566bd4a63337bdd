package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.result.Measurement;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The JMH micro-benchmarks of {@code io.github.binlog2redshift.bench.jmh} (parsing, keys, dedupe,
 * staging), one fork each, shorter in quick mode. Run them alone with {@code ./bench --only jmh},
 * or with JMH's own command line: {@code java -cp ... org.openjdk.jmh.Main}.
 */
public final class MicroBenchmarks implements Scenario {

    @Override
    public String name() {
        return "jmh";
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        boolean quick = env.sizes().name().equals("quick");
        Options options =
                new OptionsBuilder()
                        .include("io\\.github\\.binlog2redshift\\.bench\\.jmh\\..*")
                        .forks(1)
                        .warmupIterations(quick ? 1 : 3)
                        .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                        .measurementIterations(quick ? 2 : 5)
                        .measurementTime(TimeValue.seconds(quick ? 1 : 2))
                        // Its own heap: the harness JVM's (fixed 4 GiB, pre-touched) is not
                        // inherited.
                        .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseG1GC")
                        .build();
        java.util.Collection<RunResult> results = new Runner(options).run();
        if (results.isEmpty()) {
            throw new IllegalStateException("JMH ran no benchmark (see its output above)");
        }
        for (RunResult r : results) {
            String label = r.getParams().getBenchmark();
            label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
            env.results()
                    .add(
                            Measurement.rate(
                                    "jmh " + label,
                                    Measurement.OURS,
                                    r.getPrimaryResult().getScore(),
                                    "ops/s",
                                    String.format(
                                            java.util.Locale.ROOT,
                                            "+- %.0f (99.9%%)",
                                            r.getPrimaryResult().getScoreError())));
        }
    }
}
