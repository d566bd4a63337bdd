package io.github.binlog2redshift.config.internal;

import java.time.Duration;
import org.apache.flink.util.TimeUtils;

/**
 * Duration text in Flink's own syntax, so that our keys read like Flink's {@code
 * execution.checkpointing.interval}. Delegates to {@link TimeUtils}, which treats a bare number as
 * milliseconds.
 */
public final class DurationText {

    private DurationText() {}

    public static Duration parse(String text) {
        if (text.startsWith("-")) {
            throw new IllegalArgumentException("must not be negative");
        }
        return TimeUtils.parseDuration(text);
    }

    public static String format(Duration duration) {
        return TimeUtils.formatWithHighestUnit(duration);
    }
}
