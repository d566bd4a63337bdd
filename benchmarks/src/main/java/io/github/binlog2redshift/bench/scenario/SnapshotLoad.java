package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.ours.PollIntervalExperiment;
import io.github.binlog2redshift.bench.profile.StackSampler;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.TopicCounter;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Snapshot (full load) rows/s of cdc-source in snapshot-only mode: a small table with Flink CDC's
 * default chunk size (8096 rows), sampled with {@link StackSampler} to show where the split reader
 * waits between chunks, and the big table with the tuned chunk size. Ours alone: the comparison
 * with the peer is {@link SnapshotTables}, over 10 tables in interleaved runs.
 */
public final class SnapshotLoad implements Scenario {

    static final String NAME = "snapshot";
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoad.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String COLUMNS =
            " (id BIGINT PRIMARY KEY, k INT NOT NULL, c VARCHAR(120) NOT NULL,"
                    + " pad VARCHAR(60) NOT NULL)";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase("snap");
        int small = env.sizes().snapshotDefaultChunkRows();
        int big = env.sizes().snapshotRows();
        fill(db, "small", small);
        fill(db, "big", big);
        List<String> top;
        try (StackSampler sampler =
                new StackSampler(
                        Pattern.compile("(?i)debezium|snapshot|Source Data Fetcher|binlog|mysql"),
                        Pattern.compile(
                                "^(org\\.apache\\.flink\\.cdc|io\\.debezium|com\\.github\\.shyiko)"),
                        20)) {
            double rate = snapshot(env, db, "small", 8096, small);
            env.results()
                    .add(
                            Measurement.rate(
                                    NAME + "-default-chunk",
                                    Measurement.OURS,
                                    rate,
                                    "rows/s",
                                    small
                                            + " rows, chunk 8096 (Flink CDC default), parallelism 1"));
            top = sampler.top(6);
        }
        LOG.info(
                "where the snapshot threads were, by share of samples:\n  {}",
                String.join("\n  ", top));
        env.results()
                .finding(
                        "snapshot with 8096-row chunks, most sampled stacks of the CDC threads: "
                                + String.join(" | ", top.subList(0, Math.min(3, top.size()))));
        // The hypothesis from the stacks, tested on the bare source (no Kafka): default vs 10 ms.
        double bareDefault =
                PollIntervalExperiment.snapshotRate(db, "small", 8096, small, null, "5810-5814");
        double bareFast =
                PollIntervalExperiment.snapshotRate(db, "small", 8096, small, 10, "5820-5824");
        env.results()
                .add(
                        Measurement.rate(
                                NAME + "-bare-source",
                                Measurement.OURS,
                                bareDefault,
                                "rows/s",
                                small
                                        + " rows, chunk 8096, Flink CDC source to a discarding sink, poll.interval.ms default (500)"));
        env.results()
                .add(
                        Measurement.rate(
                                NAME + "-bare-source-poll10",
                                Measurement.OURS,
                                bareFast,
                                "rows/s",
                                small
                                        + " rows, chunk 8096, Flink CDC source to a discarding sink, poll.interval.ms=10"));
        env.results()
                .finding(
                        String.format(
                                Locale.ROOT,
                                "snapshot per-chunk wait: Debezium's ChangeEventQueue.poll waits up to poll.interval.ms (500 ms)"
                                        + " in SnapshotSplitReader.pollWithBuffer and StatefulTaskContext.close; with 8096-row chunks"
                                        + " the bare source does %.0f rows/s at the default and %.0f rows/s with poll.interval.ms=10"
                                        + " (x%.1f; cdc-source sets 10 ms in MySqlSourceFactory; with few chunks the wait is a small share)",
                                bareDefault,
                                bareFast,
                                bareFast / Math.max(bareDefault, 1)));
        int chunk = env.sizes().snapshotChunkSize();
        double rate = snapshot(env, db, "big", chunk, big);
        env.results()
                .add(
                        Measurement.rate(
                                NAME,
                                Measurement.OURS,
                                rate,
                                "rows/s",
                                big + " rows, chunk " + chunk + ", parallelism 1"));
    }

    private static void fill(MySqlDatabase db, String table, int rows) throws Exception {
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + table + COLUMNS);
            s.execute(
                    "INSERT INTO "
                            + table
                            + " SELECT seq, seq % 1000, CONCAT(REPEAT('c', 100), seq), REPEAT('p', 50)"
                            + " FROM seq_1_to_"
                            + rows);
        }
    }

    private double snapshot(BenchEnv env, MySqlDatabase db, String table, int chunk, long rows)
            throws Exception {
        KafkaTopic topic = env.stack().newTopic("snap" + table, 4);
        JobClient job =
                OurSource.start(
                        NAME,
                        OurSource.config(
                                OurSource.options(
                                        db,
                                        topic.bootstrapServers(),
                                        topic.name(),
                                        "5800-5804",
                                        "source.startup.mode=SNAPSHOT",
                                        "source.table-list=" + db.name() + "\\." + table,
                                        "source.snapshot.chunk-size=" + chunk)));
        try (TopicCounter counter =
                TopicCounter.of(topic.bootstrapServers(), List.of(topic.name()))) {
            // Ids 1..rows split evenly: one chunk range event per chunk on each of the 4
            // partitions follows the chunk's rows; the count must not end before the last rows.
            long chunkEvents = 4 * ((rows + chunk - 1) / chunk);
            CatchUp c =
                    CatchUp.await(
                            "snapshot of " + table,
                            counter::count,
                            rows + chunkEvents,
                            POLL,
                            Duration.ofMinutes(15));
            return c.rate();
        } finally {
            FlinkRunner.cancel(job);
        }
    }
}
