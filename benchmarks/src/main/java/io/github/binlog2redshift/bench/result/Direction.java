package io.github.binlog2redshift.bench.result;

/** Whether a bigger figure is a better one: throughput yes, latency and memory no. */
public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER
}
