package io.github.binlog2redshift.quickstart;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the demo workload at a fixed rate on one connection (autocommit: every statement is its
 * own transaction, as an application would), and runs the schema change once {@code alterAfter} has
 * passed. Stops on {@link #close()}, which waits for the statement in flight.
 */
final class LoadGenerator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

    private final Supplier<Connection> connections;
    private final DemoWorkload workload;
    private final int rate;
    private final Duration alterAfter;
    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong alteredAtMs = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean alterAllowed;
    private volatile Throwable failure;

    LoadGenerator(
            Supplier<Connection> connections,
            DemoWorkload workload,
            int rate,
            Duration alterAfter) {
        this.connections = connections;
        this.workload = workload;
        this.rate = rate;
        this.alterAfter = alterAfter;
        this.thread = new Thread(this::run, "b2r-load-generator");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long started = System.nanoTime();
        long intervalNanos = 1_000_000_000L / Math.max(1, rate);
        long next = started;
        try (Connection c = connections.get()) {
            while (running) {
                if (alterAllowed
                        && alteredAtMs.get() == 0
                        && System.nanoTime() - started >= alterAfter.toNanos()) {
                    workload.addColumn(c);
                    alteredAtMs.set(System.currentTimeMillis());
                    counts.computeIfAbsent("ddl", k -> new LongAdder()).increment();
                    LOG.info("Schema change applied: shop.customers ADD COLUMN loyalty_tier");
                }
                String op = workload.step(c);
                counts.computeIfAbsent(op, k -> new LongAdder()).increment();
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failure = e;
            LOG.error("Load generator stopped", e);
        }
    }

    /**
     * Lets the schema change run (once its time has come). Flink CDC fails a snapshot split whose
     * table changes shape while it is read, so the caller allows it once the snapshot is over.
     */
    void allowAlter() {
        alterAllowed = true;
    }

    /** Operations so far by kind: insert, update, delete, ddl. */
    long count(String kind) {
        LongAdder a = counts.get(kind);
        return a == null ? 0 : a.sum();
    }

    long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    boolean altered() {
        return alteredAtMs.get() != 0;
    }

    /** Why the generator stopped early, if it did. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
