package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.pipeline.PipelineConfig;
import io.github.binlog2redshift.config.pipeline.RestartStrategy;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Applies {@code pipeline.*} (checkpointing, state backend, restarts) to an environment. */
public final class FlinkEnvironment {

    private FlinkEnvironment() {}

    public static void configure(StreamExecutionEnvironment env, PipelineConfig p) {
        p.parallelism().ifPresent(env::setParallelism);
        Configuration conf = new Configuration();
        conf.set(
                StateBackendOptions.STATE_BACKEND,
                p.stateBackend().name().toLowerCase(java.util.Locale.ROOT));
        p.checkpointDir()
                .ifPresent(dir -> conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
        // Keep the last checkpoint when the job is cancelled: a restart resumes from it.
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        restartStrategy(conf, p.restartStrategy());
        env.configure(conf);
        env.enableCheckpointing(
                p.checkpointInterval().toMillis(),
                switch (p.checkpointMode()) {
                    case EXACTLY_ONCE -> CheckpointingMode.EXACTLY_ONCE;
                    case AT_LEAST_ONCE -> CheckpointingMode.AT_LEAST_ONCE;
                });
        if (p.disableChaining()) {
            env.disableOperatorChaining();
        }
    }

    private static void restartStrategy(Configuration conf, RestartStrategy r) {
        switch (r.kind()) {
            case NONE -> conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            case FIXED_DELAY -> {
                conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
                conf.set(
                        RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, r.attempts());
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, r.delay());
            }
            case EXPONENTIAL_DELAY -> {
                conf.set(RestartStrategyOptions.RESTART_STRATEGY, "exponential-delay");
                conf.set(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF,
                        r.delay());
                conf.set(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF,
                        r.maxDelay());
                conf.set(
                        RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS,
                        r.attempts());
            }
        }
    }
}
