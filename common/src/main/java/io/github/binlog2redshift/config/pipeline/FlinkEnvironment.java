package io.github.binlog2redshift.config.pipeline;

import java.util.Locale;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Applies {@code pipeline.*} (checkpointing, state backend, restarts) to a job's environment.
 *
 * <p>Only what the user set explicitly is applied: a value set in code overrides the cluster's
 * configuration ({@code -D} on YARN, {@code flinkConfiguration} on Kubernetes, the service's
 * settings on KDA), so a job default must never silently replace a platform setting. The one
 * exception is the checkpoint interval: both jobs need checkpoints, so when neither the user nor
 * the cluster sets one, {@link PipelineConfig#DEFAULT_CHECKPOINT_INTERVAL} is used.
 */
public final class FlinkEnvironment {

    private FlinkEnvironment() {}

    public static void configure(StreamExecutionEnvironment env, PipelineConfig p) {
        p.parallelism().ifPresent(env::setParallelism);
        Configuration conf = new Configuration();
        p.stateBackend()
                .ifPresent(
                        backend ->
                                conf.set(
                                        StateBackendOptions.STATE_BACKEND,
                                        backend.name().toLowerCase(Locale.ROOT)));
        p.checkpointDir()
                .ifPresent(dir -> conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir));
        // Keep the last checkpoint when the job is cancelled: a restart resumes from it.
        conf.set(
                CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        p.restartStrategy().ifPresent(r -> restartStrategy(conf, r));
        env.configure(conf);
        CheckpointingMode mode = checkpointingMode(p.checkpointMode());
        boolean clusterHasInterval = env.getCheckpointConfig().getCheckpointInterval() > 0;
        if (p.checkpointInterval().isPresent() || !clusterHasInterval) {
            env.enableCheckpointing(
                    p.checkpointInterval()
                            .orElse(PipelineConfig.DEFAULT_CHECKPOINT_INTERVAL)
                            .toMillis(),
                    mode);
        } else {
            env.getCheckpointConfig().setCheckpointingConsistencyMode(mode);
        }
        if (p.disableChaining()) {
            env.disableOperatorChaining();
        }
    }

    static CheckpointingMode checkpointingMode(CheckpointMode mode) {
        switch (mode) {
            case EXACTLY_ONCE:
                return CheckpointingMode.EXACTLY_ONCE;
            case AT_LEAST_ONCE:
                return CheckpointingMode.AT_LEAST_ONCE;
            default:
                throw new IllegalArgumentException("unknown checkpoint mode " + mode);
        }
    }

    private static void restartStrategy(Configuration conf, RestartStrategy r) {
        switch (r.kind()) {
            case NONE:
                conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
                break;
            case FIXED_DELAY:
                conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
                conf.set(
                        RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, r.attempts());
                conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, r.delay());
                break;
            case EXPONENTIAL_DELAY:
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
                break;
            default:
                throw new IllegalArgumentException("unknown restart strategy " + r.kind());
        }
    }
}
