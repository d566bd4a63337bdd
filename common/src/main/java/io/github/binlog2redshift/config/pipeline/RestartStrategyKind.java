package io.github.binlog2redshift.config.pipeline;

/** Flink restart strategies offered by {@code pipeline.restart-strategy}. */
public enum RestartStrategyKind {
    /** Fail the job on the first failure. */
    NONE,
    /** Restart up to N times with a constant delay. */
    FIXED_DELAY,
    /** Restart with a growing delay (Flink's default with checkpointing since 1.19). */
    EXPONENTIAL_DELAY
}
