package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors.SourceKind;
import io.github.binlog2redshift.bench.peer.PeerSource;
import io.github.binlog2redshift.bench.reference.BinlogDecodeReference;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.TopicCounter;
import io.github.binlog2redshift.bench.workload.BinlogBacklog;
import io.github.binlog2redshift.bench.workload.BinlogBacklog.Backlog;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.time.Duration;
import org.apache.flink.core.execution.JobClient;

/**
 * Source catch-up: a prepared binlog backlog read into Kafka by cdc-source, by Debezium's binlog
 * connector, and decoded by {@code mariadb-binlog} (the ceiling). Rates count row events from the
 * first record in Kafka to the last; start-up is in the note.
 */
public final class SourceCatchUp implements Scenario {

    static final String NAME = "source-catch-up";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase("backlog");
        Backlog backlog =
                BinlogBacklog.prepare(
                        env.stack().mySql(),
                        db,
                        env.sizes().backlogTables(),
                        env.sizes().backlogRowsPerTable());
        long events = backlog.events();
        String size = backlog.tables().size() + " tables, " + events + " row events";

        long decodeMs = BinlogDecodeReference.decodeMillis(backlog.binlogFiles());
        env.results()
                .add(
                        Measurement.rate(
                                NAME,
                                Measurement.REFERENCE_PREFIX + "mariadb-binlog",
                                events * 1000.0 / Math.max(decodeMs, 1),
                                "events/s",
                                "decode-rows -v to /dev/null, "
                                        + backlog.binlogFiles().size()
                                        + " files"));

        KafkaTopic topic = env.stack().newTopic("srcbench", 4);
        JobClient job =
                OurSource.start(
                        NAME,
                        OurSource.config(
                                OurSource.options(
                                        db,
                                        topic.bootstrapServers(),
                                        topic.name(),
                                        "5400-5404",
                                        "source.startup.mode=SPECIFIC_OFFSET",
                                        "source.startup.binlog-file=" + backlog.startFile(),
                                        "source.startup.binlog-position="
                                                + backlog.startPosition())));
        try (TopicCounter counter =
                TopicCounter.of(topic.bootstrapServers(), java.util.List.of(topic.name()))) {
            CatchUp c = CatchUp.await("cdc-source catch-up", counter::count, events, POLL, TIMEOUT);
            env.results()
                    .add(
                            Measurement.rate(
                                    NAME,
                                    Measurement.OURS,
                                    c.rate(),
                                    "events/s",
                                    size
                                            + ", parallelism 1, 4 partitions, start-up "
                                            + c.startupMs()
                                            + " ms"));
        } finally {
            FlinkRunner.cancel(job);
        }

        if (env.runPeer()) {
            runPeer(env, db, events, size);
        }
    }

    private void runPeer(BenchEnv env, MySqlDatabase db, long events, String size)
            throws Exception {
        PeerSource.grant(env.stack().mySql(), db);
        String prefix = "peersrc";
        try (ConnectWorker worker =
                        ConnectWorker.start(
                                env.dir("connect-src"), env.stack().kafka().bootstrapServers());
                TopicCounter counter =
                        new TopicCounter(
                                env.stack().kafka().bootstrapServers(),
                                t -> t.startsWith(prefix + "." + db.name() + "."))) {
            long started = System.nanoTime();
            SourceKind kind =
                    PeerSource.start(worker, db, prefix, 5500, "never", env.dir("dbz-src"));
            CatchUp c =
                    CatchUp.await(
                            "Debezium source catch-up", counter::count, events, POLL, TIMEOUT);
            env.results()
                    .add(
                            Measurement.rate(
                                    NAME,
                                    Measurement.PEER,
                                    c.rate(),
                                    "events/s",
                                    size
                                            + ", Debezium "
                                            + kind.name().toLowerCase(java.util.Locale.ROOT)
                                            + " connector, 1 task, topic per table, start-up "
                                            + ((System.nanoTime() - started) / 1_000_000
                                                    - c.activeMs())
                                            + " ms"));
        }
    }
}
