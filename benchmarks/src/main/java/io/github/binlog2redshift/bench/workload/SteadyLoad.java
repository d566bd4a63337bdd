package io.github.binlog2redshift.bench.workload;

import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady stream of row changes over many tables at a target rate, for end-to-end latency. Each
 * transaction is one multi-row upsert into one table (round robin) that also sets that table's
 * probe row {@code id = 0} to the transaction's stamp: microseconds since the epoch taken just
 * before the single-statement transaction commits. The poller on the target reads probe rows; when
 * a table's probe shows stamp S, every transaction of that table stamped up to S is visible (both
 * sinks keep per-table order), so every stamp gets a visibility time, not only the ones that
 * happened to be the newest when polled.
 *
 * <p>About 100 transactions per second at any rate, so 800 changes/s are 8-row transactions and
 * 50,000 changes/s 500-row ones, as a busy OLTP source would batch them.
 */
public final class SteadyLoad {

    public static final int KEYS_PER_TABLE = 10_000;
    private static final int TRANSACTIONS_PER_SECOND = 100;

    private final MySqlDatabase db;
    private final List<String> tables;
    private final List<ConcurrentLinkedQueue<Long>> stamps = new ArrayList<>();
    private final AtomicLong changes = new AtomicLong();
    private volatile boolean recording;

    public SteadyLoad(MySqlDatabase db, int tableCount) throws SQLException {
        this.db = db;
        this.tables = new ArrayList<>();
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (int t = 1; t <= tableCount; t++) {
                String name = String.format("lat%03d", t);
                tables.add(name);
                stamps.add(new ConcurrentLinkedQueue<>());
                s.execute(
                        "CREATE TABLE "
                                + name
                                + " (id BIGINT PRIMARY KEY, v BIGINT NOT NULL, pad VARCHAR(60) NOT NULL, ts_us BIGINT NOT NULL)");
            }
        }
    }

    public List<String> tables() {
        return tables;
    }

    /** Stamps of table {@code index} recorded while {@link #record} was on, oldest first. */
    public ConcurrentLinkedQueue<Long> stamps(int index) {
        return stamps.get(index);
    }

    /** Forgets every recorded stamp not yet taken by the poller. */
    public void clearStamps() {
        stamps.forEach(ConcurrentLinkedQueue::clear);
    }

    public void record(boolean on) {
        recording = on;
    }

    public long changes() {
        return changes.get();
    }

    /**
     * Runs {@code rate} changes/s for {@code millis} on the calling thread.
     *
     * @return the achieved rate in changes/s (below target when the source cannot keep up)
     */
    public double run(int rate, long millis) throws SQLException {
        int perTx = Math.max(1, rate / TRANSACTIONS_PER_SECOND);
        SplittableRandom random = new SplittableRandom(rate);
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long sent = 0;
        int next = 0;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            while (System.nanoTime() < end) {
                long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
                if (sent >= due) {
                    sleepMicros(200);
                    continue;
                }
                int t = next;
                next = (next + 1) % tables.size();
                StringBuilder sql =
                        new StringBuilder("INSERT INTO ")
                                .append(tables.get(t))
                                .append(" (id, v, pad, ts_us) VALUES ");
                for (int i = 0; i < perTx - 1; i++) {
                    long id = 1 + random.nextInt(KEYS_PER_TABLE);
                    sql.append('(')
                            .append(id)
                            .append(',')
                            .append(sent + i)
                            .append(",'")
                            .append(SinkRows.PAD, 0, 40)
                            .append("',0),");
                }
                long stamp = nowMicros();
                sql.append("(0,")
                        .append(sent)
                        .append(",'probe',")
                        .append(stamp)
                        .append(')')
                        .append(" ON DUPLICATE KEY UPDATE v = VALUES(v), ts_us = VALUES(ts_us)");
                s.execute(sql.toString());
                if (recording) {
                    stamps.get(t).add(stamp);
                }
                sent += perTx;
                changes.addAndGet(perTx);
            }
        }
        return sent * 1e9 / (System.nanoTime() - start);
    }

    public static long nowMicros() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }

    private static void sleepMicros(long micros) {
        java.util.concurrent.locks.LockSupport.parkNanos(micros * 1000);
    }
}
