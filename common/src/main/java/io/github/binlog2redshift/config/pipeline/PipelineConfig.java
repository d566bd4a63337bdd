package io.github.binlog2redshift.config.pipeline;

import io.github.binlog2redshift.config.ConfigConstraints;
import io.github.binlog2redshift.config.PipelineOptions;
import io.github.binlog2redshift.config.Settings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Typed {@code pipeline.*} options: how a job configures its Flink environment. */
public final class PipelineConfig {

    /**
     * Used when neither the job nor the cluster sets an interval: both jobs need checkpoints (the
     * sink commits on them).
     */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);

    private final String jobName;
    private final OptionalInt parallelism;
    private final Optional<Duration> checkpointInterval;
    private final Optional<String> checkpointDir;
    private final CheckpointMode checkpointMode;
    private final Optional<StateBackendKind> stateBackend;
    private final Optional<RestartStrategy> restartStrategy;
    private final boolean disableChaining;

    private PipelineConfig(
            String jobName,
            OptionalInt parallelism,
            Optional<Duration> checkpointInterval,
            Optional<String> checkpointDir,
            CheckpointMode checkpointMode,
            Optional<StateBackendKind> stateBackend,
            Optional<RestartStrategy> restartStrategy,
            boolean disableChaining) {
        this.jobName = jobName;
        this.parallelism = parallelism;
        this.checkpointInterval = checkpointInterval;
        this.checkpointDir = checkpointDir;
        this.checkpointMode = checkpointMode;
        this.stateBackend = stateBackend;
        this.restartStrategy = restartStrategy;
        this.disableChaining = disableChaining;
    }

    /** Flink job name. */
    public String jobName() {
        return jobName;
    }

    /** Default parallelism, empty to keep Flink's. */
    public OptionalInt parallelism() {
        return parallelism;
    }

    /**
     * Checkpoint interval (the sink's commit latency), empty to keep the cluster's (or {@link
     * #DEFAULT_CHECKPOINT_INTERVAL} where the cluster sets none).
     */
    public Optional<Duration> checkpointInterval() {
        return checkpointInterval;
    }

    /** Checkpoint storage URI, empty to keep Flink's. */
    public Optional<String> checkpointDir() {
        return checkpointDir;
    }

    /** Checkpointing mode. */
    public CheckpointMode checkpointMode() {
        return checkpointMode;
    }

    /** State backend, empty to keep the cluster's. */
    public Optional<StateBackendKind> stateBackend() {
        return stateBackend;
    }

    /** Restart strategy and its parameters, empty to keep the cluster's. */
    public Optional<RestartStrategy> restartStrategy() {
        return restartStrategy;
    }

    /** Whether operator chaining is disabled. */
    public boolean disableChaining() {
        return disableChaining;
    }

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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PipelineConfig)) {
            return false;
        }
        PipelineConfig other = (PipelineConfig) o;
        return Objects.equals(jobName, other.jobName)
                && Objects.equals(parallelism, other.parallelism)
                && Objects.equals(checkpointInterval, other.checkpointInterval)
                && Objects.equals(checkpointDir, other.checkpointDir)
                && checkpointMode == other.checkpointMode
                && Objects.equals(stateBackend, other.stateBackend)
                && Objects.equals(restartStrategy, other.restartStrategy)
                && disableChaining == other.disableChaining;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                jobName,
                parallelism,
                checkpointInterval,
                checkpointDir,
                checkpointMode,
                stateBackend,
                restartStrategy,
                disableChaining);
    }

    @Override
    public String toString() {
        return "PipelineConfig[jobName="
                + jobName
                + ", parallelism="
                + parallelism
                + ", checkpointInterval="
                + checkpointInterval
                + ", checkpointDir="
                + checkpointDir
                + ", checkpointMode="
                + checkpointMode
                + ", stateBackend="
                + stateBackend
                + ", restartStrategy="
                + restartStrategy
                + ", disableChaining="
                + disableChaining
                + "]";
    }
}
