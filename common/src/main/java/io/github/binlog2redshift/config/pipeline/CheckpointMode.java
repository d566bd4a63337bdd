package io.github.binlog2redshift.config.pipeline;

/** Flink checkpointing mode; mirrors {@code org.apache.flink.core.execution.CheckpointingMode}. */
public enum CheckpointMode {
    EXACTLY_ONCE,
    AT_LEAST_ONCE
}
