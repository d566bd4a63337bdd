package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.peer.PeerSource;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.Interleaved;
import io.github.binlog2redshift.bench.stack.Interleaved.Contender;
import io.github.binlog2redshift.bench.stack.Interleaved.Trial;
import io.github.binlog2redshift.bench.workload.BinlogBacklog;
import io.github.binlog2redshift.bench.workload.TableContent;
import io.github.binlog2redshift.bench.workload.TopicContent;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;

/**
 * Snapshot, then changes: each run gets a fresh database of {@code backlogTables} tables of {@code
 * backlogRowsPerTable} rows; the system starts in its initial mode (snapshot, then the binlog) and,
 * as soon as its first record is in Kafka (so the snapshot has begun, for either system), a writer
 * updates half of every table's rows, deletes a tenth, inserts a tenth anew and last writes the
 * marker row {@code id = 0}. Done when every table's marker is in Kafka; the topics' final content
 * must then equal the tables'. The rate counts source row events, the same work for both: rows
 * snapshotted plus rows changed (a system may emit fewer records when a change meets a chunk not
 * yet read).
 */
public final class SnapshotThenChanges implements Scenario {

    static final String NAME = "snapshot-then-changes";
    private static final Duration SETTLE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        Map<String, Contender> systems = new LinkedHashMap<>();
        systems.put(Measurement.OURS, round -> ours(env));
        if (!env.runPeer()) {
            Interleaved.measure(env, NAME, "events/s", systems);
            return;
        }
        try (ConnectWorker worker =
                ConnectWorker.start(
                        env.dir("connect-mix"), env.stack().kafka().bootstrapServers())) {
            systems.put(Measurement.PEER, round -> peer(env, worker, round));
            Interleaved.measure(env, NAME, "events/s", systems);
        }
    }

    private static Trial ours(BenchEnv env) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase("mixours");
        List<String> tables = fill(env, db);
        String topic = env.stack().newTopic("mix", 4).name();
        long start = System.nanoTime();
        JobClient job =
                OurSource.start(
                        NAME,
                        OurSource.config(
                                OurSource.options(
                                        db,
                                        env.stack().kafka().bootstrapServers(),
                                        topic,
                                        "5840-5844",
                                        "source.startup.mode=INITIAL",
                                        "source.snapshot.chunk-size="
                                                + env.sizes().snapshotChunkSize())));
        try {
            return follow(
                    env,
                    db,
                    tables,
                    List.of(topic),
                    start,
                    null,
                    "cdc-source, parallelism 1, 4 partitions");
        } finally {
            FlinkRunner.cancel(job);
        }
    }

    private static Trial peer(BenchEnv env, ConnectWorker worker, int round) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase("mixpeer");
        List<String> tables = fill(env, db);
        PeerSource.grant(env.stack().mySql(), db);
        String prefix = "peermix" + round;
        List<String> topics =
                tables.stream().map(t -> DebeziumConnectors.topic(prefix, db, t)).toList();
        // created before the connector, so the follower can subscribe to them from the start
        topics.forEach(t -> env.stack().kafka().createTopic(t, 1));
        long start = System.nanoTime();
        String name =
                PeerSource.start(worker, db, prefix, 5950 + round, "initial", env.dir("dbz-mix"));
        try {
            return follow(
                    env,
                    db,
                    tables,
                    topics,
                    start,
                    () -> worker.failIfFailed(name),
                    "Debezium MariaDB connector, snapshot.mode=initial, 1 task");
        } finally {
            worker.delete(name);
        }
    }

    private static List<String> fill(BenchEnv env, MySqlDatabase db) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            List<String> tables = BinlogBacklog.createTables(s, env.sizes().backlogTables());
            BinlogBacklog.insertRows(s, tables, env.sizes().backlogRowsPerTable());
            return tables;
        }
    }

    /**
     * Follows the topics, starts the writer at the first record, waits until every table's marker
     * is there, and checks their content against the tables' (re-reading for up to {@link #SETTLE}
     * while a partition still lags behind the one that held the marker).
     */
    private static Trial follow(
            BenchEnv env,
            MySqlDatabase db,
            List<String> tables,
            List<String> topics,
            long start,
            Runnable failIfFailed,
            String how)
            throws Exception {
        int rows = env.sizes().backlogRowsPerTable();
        AtomicReference<CompletableFuture<Void>> writer = new AtomicReference<>();
        long events = (long) tables.size() * (rows + rows / 2 + 2L * (rows / 10) + 1);
        try (TopicContent content =
                new TopicContent(env.stack().kafka().bootstrapServers(), topics)) {
            CatchUp c =
                    CatchUp.await(
                            NAME,
                            () -> {
                                if (failIfFailed != null) {
                                    failIfFailed.run();
                                }
                                boolean any = content.drain();
                                if (any && writer.get() == null) {
                                    writer.set(
                                            CompletableFuture.runAsync(
                                                    () -> change(db, tables, rows)));
                                }
                                if (writer.get() != null
                                        && writer.get().isCompletedExceptionally()) {
                                    writer.get().join();
                                }
                                long markers =
                                        tables.stream().filter(t -> content.holds(t, 0)).count();
                                return any ? 1 + markers : 0;
                            },
                            tables.size() + 1,
                            POLL,
                            SourceCatchUp.TIMEOUT,
                            start);
            writer.get().join();
            Map<String, TableContent> source = SourceCatchUp.sourceContent(db, tables);
            long settle = System.nanoTime() + SETTLE.toNanos();
            while (!source.equals(content.content()) && System.nanoTime() < settle) {
                content.readToEnd();
            }
            String check = TableContent.check(how, source, content.content());
            String size =
                    tables.size()
                            + " tables, "
                            + events
                            + " row events ("
                            + (long) tables.size() * rows
                            + " snapshotted)";
            return Trial.of(c, events, size + ", " + how, check);
        }
    }

    /** The changes made while the system snapshots: updates, deletes, inserts, then the marker. */
    private static void change(MySqlDatabase db, List<String> tables, int rows) {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            for (String t : tables) {
                s.execute("UPDATE " + t + " SET v = v + 1, k = k + 1 WHERE id <= " + rows / 2);
                s.execute("DELETE FROM " + t + " WHERE id > " + (rows - rows / 10));
                s.execute(
                        "INSERT INTO "
                                + t
                                + " SELECT seq, seq % 1000, CONCAT(REPEAT('c', 100), seq),"
                                + " CONCAT(REPEAT('p', 50), seq), 0 FROM seq_"
                                + (rows + 1)
                                + "_to_"
                                + (rows + rows / 10));
            }
            for (String t : tables) {
                s.execute(
                        "INSERT INTO "
                                + t
                                + " VALUES (0, 0, CONCAT(REPEAT('c', 100), 0), CONCAT(REPEAT('p', 50), 0), 0)");
            }
        } catch (Exception e) {
            throw new IllegalStateException("the change writer of " + NAME + " failed", e);
        }
    }
}
