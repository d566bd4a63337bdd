package io.github.binlog2redshift.config;

import io.github.binlog2redshift.config.pipeline.CheckpointMode;
import io.github.binlog2redshift.config.pipeline.RestartStrategyKind;
import io.github.binlog2redshift.config.pipeline.StateBackendKind;
import java.time.Duration;
import java.util.List;

/** Flink execution options shared by both jobs ({@code pipeline.*}). */
public final class PipelineOptions {

    private PipelineOptions() {}

    public static final ConfigOption<String> JOB_NAME =
            ConfigOption.key("pipeline.job-name", ValueType.string())
                    .defaultText("the job's name: cdc-source or redshift-sink")
                    .description("Flink job name.")
                    .build();

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOption.key("pipeline.parallelism", ValueType.intAtLeast(1))
                    .defaultText(
                            "Flink's parallelism.default (on KDA: the application's parallelism)")
                    .description("Default parallelism of the job's operators.")
                    .build();

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOption.key("pipeline.checkpoint.interval", ValueType.duration())
                    .defaultText("the cluster's execution.checkpointing.interval, else 10 s")
                    .description(
                            "Checkpoint interval. For the sink this is the commit latency: data is"
                                    + " loaded into the target once per checkpoint.")
                    .build();

    public static final ConfigOption<String> CHECKPOINT_DIR =
            ConfigOption.key("pipeline.checkpoint.dir", ValueType.string())
                    .description(
                            "Checkpoint storage URI, e.g. s3://bucket/checkpoints. Unset: Flink's"
                                    + " configuration (on KDA the service manages checkpoints).")
                    .build();

    public static final ConfigOption<CheckpointMode> CHECKPOINT_MODE =
            ConfigOption.key("pipeline.checkpoint.mode", ValueType.enumOf(CheckpointMode.class))
                    .defaultValue(CheckpointMode.EXACTLY_ONCE)
                    .description("Checkpointing mode (barrier alignment).")
                    .build();

    public static final ConfigOption<StateBackendKind> STATE_BACKEND =
            ConfigOption.key("pipeline.state-backend", ValueType.enumOf(StateBackendKind.class))
                    .defaultText("the cluster's state.backend.type")
                    .description(
                            "State backend; ROCKSDB for state larger than memory. Unset, the"
                                    + " cluster's setting (flink-conf, KDA) stands.")
                    .build();

    public static final ConfigOption<RestartStrategyKind> RESTART_STRATEGY =
            ConfigOption.key(
                            "pipeline.restart-strategy",
                            ValueType.enumOf(RestartStrategyKind.class))
                    .defaultText("the cluster's restart-strategy.type")
                    .description(
                            "What Flink does after a failure. Unset, the cluster's setting"
                                    + " stands.")
                    .build();

    public static final ConfigOption<Integer> RESTART_ATTEMPTS =
            ConfigOption.key("pipeline.restart-strategy.attempts", ValueType.intAtLeast(1))
                    .defaultValue(10)
                    .description(
                            "FIXED_DELAY: restarts before the job fails. EXPONENTIAL_DELAY:"
                                    + " restarts before the backoff resets.")
                    .build();

    public static final ConfigOption<Duration> RESTART_DELAY =
            ConfigOption.key("pipeline.restart-strategy.delay", ValueType.duration())
                    .defaultValue(Duration.ofSeconds(10))
                    .description(
                            "FIXED_DELAY: delay between restarts. EXPONENTIAL_DELAY: first delay.")
                    .build();

    public static final ConfigOption<Duration> RESTART_MAX_DELAY =
            ConfigOption.key("pipeline.restart-strategy.max-delay", ValueType.duration())
                    .defaultValue(Duration.ofMinutes(5))
                    .description("EXPONENTIAL_DELAY: upper bound of the delay.")
                    .build();

    public static final ConfigOption<Boolean> DISABLE_CHAINING =
            ConfigOption.key("pipeline.disable-chaining", ValueType.bool())
                    .defaultValue(false)
                    .description("Disable operator chaining (for debugging back-pressure).")
                    .build();

    public static final List<ConfigOption<?>> ALL =
            List.of(
                    JOB_NAME,
                    PARALLELISM,
                    CHECKPOINT_INTERVAL,
                    CHECKPOINT_DIR,
                    CHECKPOINT_MODE,
                    STATE_BACKEND,
                    RESTART_STRATEGY,
                    RESTART_ATTEMPTS,
                    RESTART_DELAY,
                    RESTART_MAX_DELAY,
                    DISABLE_CHAINING);
}
