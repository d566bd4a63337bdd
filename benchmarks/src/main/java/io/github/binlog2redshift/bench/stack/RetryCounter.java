package io.github.binlog2redshift.bench.stack;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * Counts the sink's commit retries while it is open: the warnings {@code WarehouseSession} logs
 * before it waits and tries a table's commit again (a serialization conflict, a dropped
 * connection), and the time they waited. The committer has no metric for them, and a catch-up rate
 * that includes seconds of back-off must say so.
 */
public final class RetryCounter implements AutoCloseable {

    private static final String LOGGER = "io.github.binlog2redshift.sink.jdbc.WarehouseSession";
    private static final String RETRY = "{} failed with a transient error";

    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong waitedMs = new AtomicLong();
    private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
    private final AbstractAppender appender;

    public RetryCounter() {
        appender =
                new AbstractAppender(
                        "bench-retry-counter", null, null, true, Property.EMPTY_ARRAY) {
                    @Override
                    public void append(LogEvent event) {
                        count(event);
                    }
                };
        appender.start();
        Configuration config = context.getConfiguration();
        LoggerConfig logger = new LoggerConfig(LOGGER, Level.WARN, true);
        logger.addAppender(appender, Level.WARN, null);
        config.addLogger(LOGGER, logger);
        context.updateLoggers();
    }

    /** Commits tried again so far. */
    public long retries() {
        return retries.get();
    }

    /** Back-off those retries waited, in total (commits of different tables wait in parallel). */
    public long waitedMs() {
        return waitedMs.get();
    }

    private void count(LogEvent event) {
        String format = event.getMessage().getFormat();
        if (format == null || !format.startsWith(RETRY)) {
            return;
        }
        retries.incrementAndGet();
        Object[] args = event.getMessage().getParameters();
        if (args != null && args.length > 3 && args[3] instanceof Number wait) {
            waitedMs.addAndGet(wait.longValue());
        }
    }

    @Override
    public void close() {
        context.getConfiguration().removeLogger(LOGGER);
        context.updateLoggers();
        appender.stop();
    }
}
