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
 * @param checkpointInterval checkpoint interval (the sink's commit latency), empty to keep the
 *     cluster's (or {@link #DEFAULT_CHECKPOINT_INTERVAL} where the cluster sets none)
 * @param checkpointDir checkpoint storage URI, empty to keep Flink's
 * @param checkpointMode checkpointing mode
 * @param stateBackend state backend, empty to keep the cluster's
 * @param restartStrategy restart strategy and its parameters, empty to keep the cluster's
 * @param disableChaining whether operator chaining is disabled
 */
public record PipelineConfig(
        String jobName,
        OptionalInt parallelism,
        Optional<Duration> checkpointInterval,
        Optional<String> checkpointDir,
        CheckpointMode checkpointMode,
        Optional<StateBackendKind> stateBackend,
        Optional<RestartStrategy> restartStrategy,
        boolean disableChaining) {

    /**
     * Used when neither the job nor the cluster sets an interval: both jobs need checkpoints (the
     * sink commits on them).
     */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    /**
     * @param defaultJobName used when {@code pipeline.job-name} is not set
     */
    public static PipelineConfig from(Settings s, String defaultJobName) {
        Optional<Duration> interval = s.getOptional(PipelineOptions.CHECKPOINT_INTERVAL);
        if (interval.isPresent() && interval.get().toMillis() < 10) {
            // Flink's own lower bound (CheckpointConfig#setCheckpointInterval).
            throw ConfigConstraints.invalid(
                    s, PipelineOptions.CHECKPOINT_INTERVAL, "a duration of at least 10ms");
        }
        Optional<RestartStrategy> restart =
                s.getOptional(PipelineOptions.RESTART_STRATEGY)
                        .map(
                                kind ->
                                        new RestartStrategy(
                                                kind,
                                                s.get(PipelineOptions.RESTART_ATTEMPTS),
                                                s.get(PipelineOptions.RESTART_DELAY),
                                                s.get(PipelineOptions.RESTART_MAX_DELAY)));
        if (s.get(PipelineOptions.RESTART_MAX_DELAY).compareTo(s.get(PipelineOptions.RESTART_DELAY))
                < 0) {
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
                s.getOptional(PipelineOptions.STATE_BACKEND),
                restart,
                s.get(PipelineOptions.DISABLE_CHAINING));
    }
}
