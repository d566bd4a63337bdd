package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.reference.PostgresCopyReference;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.TargetProbe;
import io.github.binlog2redshift.bench.workload.SinkTopics;
import io.github.binlog2redshift.bench.workload.SinkTopics.Prepared;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sink catch-up: prepared topics (Debezium envelope, one topic per table) applied to PostgreSQL by
 * redshift-sink and by Debezium's JDBC sink, each into its own database of the same server, and a
 * raw COPY of as many rows as the ceiling. The rate is input events per second, from the moment the
 * job is started (both sinks have their whole input waiting) to the last table's marker row being
 * visible; the final row counts of both targets must match the workload's.
 */
public final class SinkCatchUp implements Scenario {

    static final String NAME = "sink-catch-up";
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final SinkInput input;

    public SinkCatchUp(SinkInput input) {
        this.input = input;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        String bootstrap = env.stack().kafka().bootstrapServers();
        Prepared in = input.get(env);
        String size = SinkInput.describe(in);

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
        OurCatchUp.Result run = OurCatchUp.run(env, NAME, in, options, ours.connect(), null);
        env.results()
                .add(
                        Measurement.rate(
                                NAME,
                                Measurement.OURS,
                                run.eventsPerSecond(in),
                                "events/s",
                                size
                                        + ", parallelism 2, checkpoint 5 s, gzip CSV via S3Proxy; rows "
                                        + run.rows()
                                        + "/"
                                        + in.expectedRows()));
        env.results()
                .finding(
                        NAME
                                + ": CPU while redshift-sink caught up: "
                                + run.cpu().describe(null, CORES)
                                + "; "
                                + run.retriesText());
        SinkInput.check("redshift-sink", run.rows(), in.expectedRows());

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
                        OurCatchUp.POLL,
                        OurCatchUp.TIMEOUT);
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
                                                + ", 2 tasks, upsert, batch.size 5000, reduction"
                                                + " buffer; rows "
                                                + rows
                                                + "/"
                                                + in.expectedRows()));
                SinkInput.check("Debezium JDBC sink", rows, in.expectedRows());
            }
        }
    }
}
