package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.peer.PeerSource;
import io.github.binlog2redshift.bench.reference.BinlogDecodeReference;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.Interleaved;
import io.github.binlog2redshift.bench.stack.Interleaved.Contender;
import io.github.binlog2redshift.bench.stack.Interleaved.Trial;
import io.github.binlog2redshift.bench.workload.BinlogBacklog;
import io.github.binlog2redshift.bench.workload.BinlogBacklog.Backlog;
import io.github.binlog2redshift.bench.workload.TableContent;
import io.github.binlog2redshift.bench.workload.TopicContent;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source catch-up: a prepared binlog backlog read into Kafka by cdc-source and by Debezium's
 * MariaDB connector, in interleaved runs, and decoded by {@code mariadb-binlog} (the ceiling).
 * Rates count row events from the first record in Kafka to the last, and from before the system was
 * started to the last; after each run the topics' final content must equal the tables'.
 */
public final class SourceCatchUp implements Scenario {

    static final String NAME = "source-catch-up";
    static final Duration TIMEOUT = Duration.ofMinutes(10);

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
        Map<String, TableContent> source = sourceContent(db, backlog.tables());
        Map<String, Contender> systems = new LinkedHashMap<>();
        systems.put(Measurement.OURS, round -> ours(env, backlog, source, size));
        if (!env.runPeer()) {
            Interleaved.measure(env, NAME, "events/s", systems);
            return;
        }
        PeerSource.grant(env.stack().mySql(), db);
        try (ConnectWorker worker =
                ConnectWorker.start(
                        env.dir("connect-src"), env.stack().kafka().bootstrapServers())) {
            systems.put(Measurement.PEER, round -> peer(env, worker, backlog, source, size, round));
            Interleaved.measure(env, NAME, "events/s", systems);
        }
    }

    /** The tables' content, which every system's topics must end with. */
    static Map<String, TableContent> sourceContent(MySqlDatabase db, List<String> tables)
            throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        tables.forEach(t -> names.put(t, t));
        try (Connection c = db.connect()) {
            return TableContent.ofTables(c, names);
        }
    }

    private static Trial ours(
            BenchEnv env, Backlog backlog, Map<String, TableContent> source, String size)
            throws Exception {
        KafkaTopic topic = env.stack().newTopic("srcbench", 4);
        CatchUp c =
                OurSource.catchUp(
                        NAME,
                        OurSource.config(
                                OurSource.options(
                                        backlog.database(),
                                        topic.bootstrapServers(),
                                        topic.name(),
                                        "5400-5404",
                                        "source.startup.mode=SPECIFIC_OFFSET",
                                        "source.startup.binlog-file=" + backlog.startFile(),
                                        "source.startup.binlog-position="
                                                + backlog.startPosition())),
                        topic,
                        backlog.events(),
                        TIMEOUT);
        String content =
                TableContent.check(
                        "cdc-source",
                        source,
                        TopicContent.read(topic.bootstrapServers(), List.of(topic.name())));
        return Trial.of(c, size + ", parallelism 1, 4 partitions", content);
    }

    private static Trial peer(
            BenchEnv env,
            ConnectWorker worker,
            Backlog backlog,
            Map<String, TableContent> source,
            String size,
            int round)
            throws Exception {
        String bootstrap = env.stack().kafka().bootstrapServers();
        MySqlDatabase db = backlog.database();
        String prefix = "peersrc" + round;
        List<String> topics =
                backlog.tables().stream()
                        .map(t -> DebeziumConnectors.topic(prefix, db, t))
                        .toList();
        CatchUp c =
                PeerSource.catchUp(
                        worker,
                        db,
                        prefix,
                        5500 + round,
                        "never",
                        env.dir("dbz-src"),
                        topics,
                        backlog.events(),
                        TIMEOUT);
        String content =
                TableContent.check("Debezium", source, TopicContent.read(bootstrap, topics));
        return Trial.of(c, size + ", Debezium MariaDB connector, 1 task, topic per table", content);
    }
}
