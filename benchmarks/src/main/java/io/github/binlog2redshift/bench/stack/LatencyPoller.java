package io.github.binlog2redshift.bench.stack;

import io.github.binlog2redshift.bench.workload.SteadyLoad;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Polls the probe rows of the target tables and turns the load's stamps into latency samples: a
 * stamp is visible at the first poll whose probe value is at least the stamp. {@link LatencyWindow}
 * polls every table, pausing 20 ms between rounds, so samples are late by at most one round plus
 * the pause (the round is reported with the figures).
 */
public final class LatencyPoller {

    private final Connection connection;
    private final List<String> targetTables;
    private final SteadyLoad load;
    private final List<Long> samplesMs = new ArrayList<>();
    private final boolean[] everVisible;
    private long rounds;
    private long roundMicros;

    public LatencyPoller(Connection connection, List<String> targetTables, SteadyLoad load) {
        this.connection = connection;
        this.targetTables = targetTables;
        this.load = load;
        this.everVisible = new boolean[targetTables.size()];
    }

    /** One pass over all tables; returns how many stamps are still waiting to be seen. */
    public long pollOnce() {
        long started = SteadyLoad.nowMicros();
        long waiting = 0;
        for (int i = 0; i < targetTables.size(); i++) {
            ConcurrentLinkedQueue<Long> stamps = load.stamps(i);
            if (stamps.isEmpty()) {
                continue;
            }
            long visible = probe(targetTables.get(i));
            everVisible[i] |= visible >= 0;
            long now = SteadyLoad.nowMicros();
            Long s;
            while ((s = stamps.peek()) != null && s <= visible) {
                stamps.poll();
                samplesMs.add((now - s) / 1000);
            }
            waiting += stamps.size();
        }
        rounds++;
        roundMicros += SteadyLoad.nowMicros() - started;
        return waiting;
    }

    private long probe(String table) {
        try (PreparedStatement ps =
                        connection.prepareStatement(
                                "SELECT ts_us FROM " + table + " WHERE id = 0");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (SQLException e) {
            return -1; // the sink has not created the table yet
        }
    }

    /** Polls until every recorded stamp is seen or {@code timeoutMs} passes. */
    public boolean drain(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (pollOnce() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    public long[] takeSamples() {
        long[] out = samplesMs.stream().mapToLong(Long::longValue).toArray();
        samplesMs.clear();
        return out;
    }

    /**
     * Target tables whose probe row was never read: the sink did not create the table or never
     * wrote to it, which says more about a missing stamp than a slow pipeline does.
     */
    public List<String> neverVisible() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < targetTables.size(); i++) {
            if (!everVisible[i]) {
                out.add(targetTables.get(i));
            }
        }
        return out;
    }

    /** Mean duration of one poll round in ms: the resolution of the samples. */
    public double meanRoundMs() {
        return rounds == 0 ? 0 : roundMicros / 1000.0 / rounds;
    }
}
