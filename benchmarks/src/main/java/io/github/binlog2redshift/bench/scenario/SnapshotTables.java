package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.peer.PeerSource;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.Interleaved;
import io.github.binlog2redshift.bench.stack.Interleaved.Contender;
import io.github.binlog2redshift.bench.stack.Interleaved.Trial;
import io.github.binlog2redshift.bench.workload.BinlogBacklog;
import io.github.binlog2redshift.bench.workload.TableContent;
import io.github.binlog2redshift.bench.workload.TopicContent;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compared snapshot: {@code snapshotTables} tables of {@code snapshotTableRows} rows each (1M
 * rows over 10 tables in the full run), read into Kafka by cdc-source in snapshot-only mode and by
 * Debezium's MariaDB connector with {@code snapshot.mode=initial_only}, both with one reader, in
 * interleaved runs. Rates are rows/s from the first record in Kafka to the last, and from before
 * the system was started; after each run the topics' content must equal the tables'.
 */
public final class SnapshotTables implements Scenario {

    static final String NAME = "snapshot-10-tables";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase("snaptables");
        List<String> tables;
        try (Connection c = db.connect();
                Statement s = c.createStatement()) {
            tables = BinlogBacklog.createTables(s, env.sizes().snapshotTables());
            BinlogBacklog.insertRows(s, tables, env.sizes().snapshotTableRows());
        }
        long rows = (long) tables.size() * env.sizes().snapshotTableRows();
        String size = tables.size() + " tables, " + rows + " rows";
        Map<String, TableContent> source = SourceCatchUp.sourceContent(db, tables);
        Map<String, Contender> systems = new LinkedHashMap<>();
        systems.put(Measurement.OURS, round -> ours(env, db, rows, source, size));
        if (!env.runPeer()) {
            Interleaved.measure(env, NAME, "rows/s", systems);
            return;
        }
        PeerSource.grant(env.stack().mySql(), db);
        try (ConnectWorker worker =
                ConnectWorker.start(
                        env.dir("connect-snap"), env.stack().kafka().bootstrapServers())) {
            systems.put(
                    Measurement.PEER,
                    round -> peer(env, worker, db, tables, rows, source, size, round));
            Interleaved.measure(env, NAME, "rows/s", systems);
        }
    }

    private static Trial ours(
            BenchEnv env,
            MySqlDatabase db,
            long rows,
            Map<String, TableContent> source,
            String size)
            throws Exception {
        KafkaTopic topic = env.stack().newTopic("snaptables", 4);
        int chunk = env.sizes().snapshotChunkSize();
        // Each table's ids 1..n split evenly: after each chunk's rows, its range event on each of
        // the 4 partitions; the count must not end before the last rows.
        int perTable = env.sizes().snapshotTableRows();
        long chunkEvents = 4L * env.sizes().snapshotTables() * ((perTable + chunk - 1) / chunk);
        CatchUp c =
                OurSource.catchUp(
                        NAME,
                        OurSource.config(
                                OurSource.options(
                                        db,
                                        topic.bootstrapServers(),
                                        topic.name(),
                                        "5830-5834",
                                        "source.startup.mode=SNAPSHOT",
                                        "source.snapshot.chunk-size=" + chunk)),
                        topic,
                        rows + chunkEvents,
                        SourceCatchUp.TIMEOUT);
        String content =
                TableContent.check(
                        "cdc-source",
                        source,
                        TopicContent.read(topic.bootstrapServers(), List.of(topic.name())));
        return Trial.of(c, size + ", snapshot only, chunk " + chunk + ", parallelism 1", content);
    }

    private static Trial peer(
            BenchEnv env,
            ConnectWorker worker,
            MySqlDatabase db,
            List<String> tables,
            long rows,
            Map<String, TableContent> source,
            String size,
            int round)
            throws Exception {
        String bootstrap = env.stack().kafka().bootstrapServers();
        String prefix = "peersnap" + round;
        List<String> topics =
                tables.stream().map(t -> DebeziumConnectors.topic(prefix, db, t)).toList();
        CatchUp c =
                PeerSource.catchUp(
                        worker,
                        db,
                        prefix,
                        5900 + round,
                        "initial_only",
                        env.dir("dbz-snap"),
                        topics,
                        rows,
                        SourceCatchUp.TIMEOUT);
        String content =
                TableContent.check("Debezium", source, TopicContent.read(bootstrap, topics));
        return Trial.of(
                c,
                size + ", Debezium MariaDB connector, snapshot.mode=initial_only, 1 task",
                content);
    }
}
