package io.github.binlog2redshift.config.pipeline;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.PipelineOptions;
import io.github.binlog2redshift.config.Settings;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Typed {@code pipeline.*} options: how a job configures its Flink environment.
 *
 * @param jobName Flink job name
 * @param parallelism default parallelism, empty to keep Flink's
 * @param checkpointInterval checkpoint interval (the sink's commit latency)
 * @param checkpointDir checkpoint storage URI, empty to keep Flink's
 * @param checkpointMode checkpointing mode
 * @param stateBackend state backend
 * @param restartStrategy restart strategy and its parameters
 * @param disableChaining whether operator chaining is disabled
 */
public record PipelineConfig(
        String jobName,
        OptionalInt parallelism,
        Duration checkpointInterval,
        Optional<String> checkpointDir,
        CheckpointMode checkpointMode,
        StateBackendKind stateBackend,
        RestartStrategy restartStrategy,
        boolean disableChaining) {

    /**
     * @param defaultJobName used when {@code pipeline.job-name} is not set
     */
    public static PipelineConfig from(Settings s, String defaultJobName) {
        Duration interval = s.get(PipelineOptions.CHECKPOINT_INTERVAL);
        if (interval.toMillis() < 10) {
            // Flink's own lower bound (CheckpointConfig#setCheckpointInterval).
            throw ConfigConstraints.invalid(
                    s, PipelineOptions.CHECKPOINT_INTERVAL, "a duration of at least 10ms");
        }
        RestartStrategy restart =
                new RestartStrategy(
                        s.get(PipelineOptions.RESTART_STRATEGY),
                        s.get(PipelineOptions.RESTART_ATTEMPTS),
                        s.get(PipelineOptions.RESTART_DELAY),
                        s.get(PipelineOptions.RESTART_MAX_DELAY));
        if (restart.maxDelay().compareTo(restart.delay()) < 0) {
            throw ConfigConstraints.invalid(
                    s,
                    PipelineOptions.RESTART_MAX_DELAY,
                    "a duration >= pipeline.restart-strategy.delay");
        }
        Optional<Integer> parallelism = s.getOptional(PipelineOptions.PARALLELISM);
        return new PipelineConfig(
                s.getOptional(PipelineOptions.JOB_NAME).orElse(defaultJobName),
                parallelism.map(OptionalInt::of).orElse(OptionalInt.empty()),
                interval,
                s.getOptional(PipelineOptions.CHECKPOINT_DIR),
                s.get(PipelineOptions.CHECKPOINT_MODE),
                s.get(PipelineOptions.STATE_BACKEND),
                restart,
                s.get(PipelineOptions.DISABLE_CHAINING));
    }
}
