package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.reference.PostgresCopyReference;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.TargetProbe;
import io.github.binlog2redshift.bench.workload.SinkTopics;
import io.github.binlog2redshift.bench.workload.SinkTopics.Prepared;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sink catch-up: prepared topics (Debezium envelope, one topic per table) applied to PostgreSQL by
 * redshift-sink and by Debezium's JDBC sink, each into its own database of the same server, and a
 * raw COPY of as many rows as the ceiling. The rate is input events per second, from the moment the
 * job is started (both sinks have their whole input waiting) to the last table's marker row being
 * visible; the final row counts of both targets must match the workload's.
 */
public final class SinkCatchUp implements Scenario {

    static final String NAME = "sink-catch-up";
    private static final Logger LOG = LoggerFactory.getLogger(SinkCatchUp.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        String bootstrap = env.stack().kafka().bootstrapServers();
        long prepStart = System.nanoTime();
        Prepared in =
                SinkTopics.produce(
                        bootstrap,
                        env.sizes().sinkTables(),
                        env.sizes().sinkEvents(),
                        () -> createTopics(env));
        LOG.info(
                "produced {} events to {} topics in {} ms",
                in.events(),
                in.topics().size(),
                (System.nanoTime() - prepStart) / 1_000_000);
        String size =
                in.tables().size()
                        + " tables, "
                        + in.events()
                        + " events (20% repeated keys, 5% deletes)";

        PostgresDatabase copyDb = env.stack().newPostgresDatabase("copyref");
        try (var c = copyDb.connect()) {
            long ms = PostgresCopyReference.copyMillis(c, in.events());
            env.results()
                    .add(
                            Measurement.rate(
                                    NAME,
                                    Measurement.REFERENCE_PREFIX + "postgres-copy",
                                    in.events() * 1000.0 / Math.max(ms, 1),
                                    "rows/s",
                                    in.events() + " rows, one COPY, pgjdbc CopyManager"));
        }

        PostgresDatabase ours = env.stack().newPostgresDatabase("sinkours");
        OurSink.initS3(env.stack());
        OurSink.Options options =
                new OurSink.Options(
                        bootstrap,
                        Pattern.compile(Pattern.quote(SinkTopics.TOPIC_PREFIX) + "t\\d+"),
                        "bench-sink",
                        ours,
                        env.stack().newS3Location("sinkbench").uri("staging/"),
                        Duration.ofSeconds(5),
                        4);
        List<String> ourTables = in.tables().stream().map(t -> SinkTopics.DB + "." + t).toList();
        JobClient job =
                FlinkRunner.start(
                        NAME, FlinkRunner.baseConfig(2), 2, e -> OurSink.build(e, options));
        try (TargetProbe probe = new TargetProbe(ours.connect(), ourTables)) {
            long start = System.nanoTime();
            CatchUp.await(
                    "redshift-sink catch-up",
                    probe::markersVisible,
                    ourTables.size(),
                    POLL,
                    TIMEOUT);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long rows = probe.rows();
            env.results()
                    .add(
                            Measurement.rate(
                                    NAME,
                                    Measurement.OURS,
                                    in.events() * 1000.0 / ms,
                                    "events/s",
                                    size
                                            + ", parallelism 2, checkpoint 5 s, gzip CSV via S3Proxy; rows "
                                            + rows
                                            + "/"
                                            + in.expectedRows()));
            check("redshift-sink", rows, in.expectedRows());
        } finally {
            FlinkRunner.cancel(job);
        }

        if (env.runPeer()) {
            PostgresDatabase peer = env.stack().newPostgresDatabase("sinkpeer");
            List<String> peerTables = in.topics();
            try (ConnectWorker worker = ConnectWorker.start(env.dir("connect-sink"), bootstrap);
                    TargetProbe probe = new TargetProbe(peer.connect(), peerTables)) {
                long start = System.nanoTime();
                worker.create(
                        "peer-jdbc-sink",
                        DebeziumConnectors.jdbcSink(peer, SinkTopics.TOPIC_PREFIX + "t\\d+", 2));
                CatchUp.await(
                        "Debezium JDBC sink catch-up",
                        probe::markersVisible,
                        peerTables.size(),
                        POLL,
                        TIMEOUT);
                long ms = (System.nanoTime() - start) / 1_000_000;
                long rows = probe.rows();
                env.results()
                        .add(
                                Measurement.rate(
                                        NAME,
                                        Measurement.PEER,
                                        in.events() * 1000.0 / ms,
                                        "events/s",
                                        size
                                                + ", 2 tasks, upsert, batch.size 5000, reduction buffer; rows "
                                                + rows
                                                + "/"
                                                + in.expectedRows()));
                check("Debezium JDBC sink", rows, in.expectedRows());
            }
        }
    }

    private static void createTopics(BenchEnv env) {
        for (int t = 1; t <= env.sizes().sinkTables(); t++) {
            env.stack().kafka().createTopic(SinkTopics.topic(String.format("t%03d", t)), 1);
        }
    }

    private static void check(String who, long rows, long expected) {
        if (rows != expected) {
            throw new IllegalStateException(
                    who + " left " + rows + " rows, the workload ends with " + expected);
        }
    }
}
