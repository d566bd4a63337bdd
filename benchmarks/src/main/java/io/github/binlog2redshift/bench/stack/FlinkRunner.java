package io.github.binlog2redshift.bench.stack;

import java.util.function.Consumer;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a job graph in a MiniCluster inside the benchmark JVM, as the ITCases do: what is measured
 * is the job's own code, without a cluster's network hops (which the peer, a single Connect worker,
 * does not have either). A failure ends the job at once instead of restarting it, so a broken run
 * fails the scenario rather than looping.
 */
public final class FlinkRunner {

    private FlinkRunner() {}

    public static Configuration baseConfig(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, Math.max(parallelism, 1) * 2);
        // RocksDB and the network stack take managed/off-heap memory; the defaults of a local
        // MiniCluster are sized for tests and starve a 5M-key state.
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.ofMebiBytes(512));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.ofMebiBytes(128));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.ofMebiBytes(128));
        conf.setString(
                "metrics.reporter.bench.factory.class", MetricsCapture.Factory.class.getName());
        conf.setString("metrics.reporter.bench.interval", "1 s");
        return conf;
    }

    /** Builds a graph with {@code build} and starts it; the caller cancels or awaits the client. */
    public static JobClient start(
            String name,
            Configuration conf,
            int parallelism,
            Consumer<StreamExecutionEnvironment> build)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        build.accept(env);
        return env.executeAsync(name);
    }

    /** Cancels the job and waits for it to be gone; never throws, the figures are already taken. */
    public static void cancel(JobClient job) {
        if (job == null) {
            return;
        }
        try {
            job.cancel().get();
        } catch (Exception e) {
            // Already finished or failed: either way nothing is left running.
        }
    }
}
