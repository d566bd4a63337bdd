package io.github.binlog2redshift.bench.soak;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak's steady mixed load, one autocommit statement per operation at a fixed rate: on three
 * keyed tables half updates of live rows, half inserts of new keys or deletes of the oldest (each
 * table keeps about {@link #LIVE_ROWS} live rows, a sliding window, so the source stays the same
 * size while every delete leaves a tombstone of a key never used again: the side table that grows
 * without pruning); a keyless table with appends and deletes of its oldest row (kept near 500
 * rows); and a TRUNCATE of a small keyed table once a minute (a schema-log row each time). Paused
 * while the harness verifies.
 */
final class SoakLoad implements AutoCloseable {

    static final int LIVE_ROWS = 2_000;
    static final List<String> KEYED = List.of("k1", "k2", "k3");
    static final List<String> ALL = List.of("k1", "k2", "k3", "events", "scratch");
    private static final int EVENTS_KEPT = 500;
    private static final long TRUNCATE_EVERY_MS = 60_000;

    private final MySqlDatabase db;
    private final int rate;
    private final long[] low = new long[KEYED.size()];
    private final long[] high = new long[KEYED.size()];
    private final AtomicLong operations = new AtomicLong();
    private final Thread thread;
    private final Object pauseLock = new Object();
    private long eventSeq;
    private long lastTruncateMs = System.currentTimeMillis();
    private volatile boolean paused;
    private volatile boolean running = true;
    private volatile boolean idle;
    private volatile Throwable failure;

    SoakLoad(MySqlDatabase db, int rate) throws SQLException {
        this.db = db;
        this.rate = rate;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (int t = 0; t < KEYED.size(); t++) {
                s.execute(
                        "CREATE TABLE "
                                + KEYED.get(t)
                                + " (id BIGINT PRIMARY KEY, v BIGINT NOT NULL, note VARCHAR(40))");
                for (long id = 0; id < LIVE_ROWS; id++) {
                    s.addBatch("INSERT INTO " + KEYED.get(t) + " VALUES (" + id + ", 0, 'seed')");
                }
                s.executeBatch();
                high[t] = LIVE_ROWS;
            }
            s.execute("CREATE TABLE events (seq BIGINT NOT NULL, v VARCHAR(20))");
            s.execute("CREATE TABLE scratch (id INT PRIMARY KEY, v INT)");
        }
        this.thread = new Thread(this::run, "soak-load");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        SplittableRandom random = new SplittableRandom(42);
        long intervalNanos = 1_000_000_000L / Math.max(1, rate);
        long next = System.nanoTime();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            while (running) {
                waitWhilePaused();
                step(s, random);
                operations.incrementAndGet();
                next += intervalNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } else if (sleep < -1_000_000_000L) {
                    next = System.nanoTime(); // behind by a second: do not burst to catch up
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
    }

    private void step(Statement s, SplittableRandom random) throws SQLException {
        long now = System.currentTimeMillis();
        if (now - lastTruncateMs >= TRUNCATE_EVERY_MS) {
            lastTruncateMs = now;
            s.execute("TRUNCATE TABLE scratch");
            s.execute("INSERT INTO scratch VALUES (1, 1), (2, 2), (3, 3)");
            return;
        }
        if (random.nextInt(10) == 0) {
            s.execute("INSERT INTO events VALUES (" + eventSeq + ", 'e" + eventSeq % 7 + "')");
            if (++eventSeq > EVENTS_KEPT) {
                s.execute("DELETE FROM events ORDER BY seq LIMIT 1");
            }
            return;
        }
        int t = random.nextInt(KEYED.size());
        String table = KEYED.get(t);
        if (random.nextBoolean()) {
            long id = low[t] + random.nextLong(high[t] - low[t]);
            s.execute("UPDATE " + table + " SET v = v + 1, note = 'u' WHERE id = " + id);
        } else if (high[t] - low[t] < LIVE_ROWS) {
            s.execute("INSERT INTO " + table + " VALUES (" + high[t]++ + ", 0, 'new')");
        } else {
            s.execute("DELETE FROM " + table + " WHERE id = " + low[t]++);
        }
    }

    private void waitWhilePaused() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && running) {
                idle = true;
                pauseLock.wait(1000);
            }
            idle = false;
        }
    }

    /** Stops writing; returns once the statement in flight has finished. */
    void pause() throws InterruptedException {
        paused = true;
        while (!idle && running && thread.isAlive()) {
            Thread.sleep(20);
        }
    }

    void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    long operations() {
        return operations.get();
    }

    /** Why the load stopped early, or null. */
    Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        running = false;
        resume();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
