package io.github.binlog2redshift.config.pipeline;

import java.time.Duration;

/**
 * The restart strategy and its parameters.
 *
 * @param kind which strategy
 * @param attempts FIXED_DELAY: max restarts; EXPONENTIAL_DELAY: attempts before the backoff resets
 * @param delay FIXED_DELAY: the delay; EXPONENTIAL_DELAY: the initial delay
 * @param maxDelay EXPONENTIAL_DELAY: the largest delay
 */
public record RestartStrategy(
        RestartStrategyKind kind, int attempts, Duration delay, Duration maxDelay) {}
