package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.reference.PostgresCopyReference;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.CatchUp;
import io.github.binlog2redshift.bench.stack.Interleaved;
import io.github.binlog2redshift.bench.stack.Interleaved.Contender;
import io.github.binlog2redshift.bench.stack.Interleaved.Trial;
import io.github.binlog2redshift.bench.stack.TargetProbe;
import io.github.binlog2redshift.bench.workload.SinkTopics;
import io.github.binlog2redshift.bench.workload.SinkTopics.Prepared;
import io.github.binlog2redshift.bench.workload.TableContent;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Sink catch-up: prepared topics (Debezium envelope, one topic per table) applied to PostgreSQL by
 * redshift-sink and by Debezium's JDBC sink with 2 and with 1 task, in interleaved runs, each into
 * a fresh database of the same server; a raw COPY of as many rows is the ceiling. Rates are input
 * events per second from the first applied batch, and from before the system was started, to the
 * last table's marker row being visible; every table's content must then equal the workload's.
 */
public final class SinkCatchUp implements Scenario {

    /** The published sink workload's scenario (100 tables, with deletes). */
    public static final String HEADLINE = "sink-catch-up";

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private final String name;
    private final SinkInput input;
    private final boolean reference;

    /**
     * @param reference whether to measure the COPY ceiling (once per run is enough: it does not
     *     depend on the workload's shape)
     */
    public SinkCatchUp(String name, SinkInput input, boolean reference) {
        this.name = name;
        this.input = input;
        this.reference = reference;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        String bootstrap = env.stack().kafka().bootstrapServers();
        Prepared in = input.get(env);
        if (reference) {
            copyReference(env, in);
        }
        OurSink.initS3(env.stack());
        Map<String, Contender> systems = new LinkedHashMap<>();
        systems.put(Measurement.OURS, round -> ours(env, in, round));
        if (!env.runPeer()) {
            Interleaved.measure(env, name, "events/s", systems);
            return;
        }
        try (ConnectWorker worker = ConnectWorker.start(env.dir("connect-sink"), bootstrap)) {
            systems.put(Measurement.PEER, round -> peer(env, worker, in, 2, round));
            systems.put(Measurement.PEER + "-1-task", round -> peer(env, worker, in, 1, round));
            Interleaved.measure(env, name, "events/s", systems);
        }
    }

    private void copyReference(BenchEnv env, Prepared in) throws Exception {
        PostgresDatabase copyDb = env.stack().newPostgresDatabase("copyref");
        try (Connection c = copyDb.connect()) {
            long ms = PostgresCopyReference.copyMillis(c, in.events());
            env.results()
                    .add(
                            Measurement.rate(
                                    name,
                                    Measurement.REFERENCE_PREFIX + "postgres-copy",
                                    in.events() * 1000.0 / Math.max(ms, 1),
                                    "rows/s",
                                    in.events() + " rows, one COPY, pgjdbc CopyManager"));
        }
    }

    private Trial ours(BenchEnv env, Prepared in, int round) throws Exception {
        PostgresDatabase target = env.stack().newPostgresDatabase("sinkours");
        String job = name + "-" + round;
        OurSink.Options options =
                new OurSink.Options(
                        env.stack().kafka().bootstrapServers(),
                        input.topicPattern(),
                        "bench-" + job,
                        target,
                        env.stack().newS3Location("sinkbench").uri("staging/"),
                        Duration.ofSeconds(5),
                        4);
        OurCatchUp.Result run = OurCatchUp.run(env, job, in, options, target.connect(), null);
        if (round == env.runs()) {
            env.results()
                    .finding(
                            name
                                    + ": CPU while redshift-sink caught up (last run): "
                                    + run.cpu().describe(null, CORES)
                                    + "; "
                                    + run.retriesText());
        }
        SinkInput.check("redshift-sink", run.rows(), in.expectedRows());
        String content = content(target, in, "redshift-sink", t -> SinkTopics.DB + "." + t);
        return Trial.of(
                run.catchUp(),
                in.events(),
                SinkInput.describe(in)
                        + ", parallelism 2, checkpoint 5 s, gzip CSV via S3Proxy; "
                        + run.retriesText(),
                content);
    }

    private Trial peer(BenchEnv env, ConnectWorker worker, Prepared in, int tasks, int round)
            throws Exception {
        PostgresDatabase target = env.stack().newPostgresDatabase("sinkpeer");
        String connector = "peer-jdbc-sink-" + tasks + "-" + round;
        CatchUp c;
        try (TargetProbe probe = new TargetProbe(target.connect(), in.topics())) {
            long start = System.nanoTime();
            worker.create(
                    connector, DebeziumConnectors.jdbcSink(target, input.topicRegex(), tasks));
            c =
                    CatchUp.await(
                            "Debezium JDBC sink catch-up",
                            () -> {
                                worker.failIfFailed(connector);
                                return probe.progress();
                            },
                            in.topics().size() + 1,
                            OurCatchUp.POLL,
                            OurCatchUp.TIMEOUT,
                            start);
            SinkInput.check("Debezium JDBC sink", probe.rows(), in.expectedRows());
        } finally {
            worker.delete(connector);
        }
        String content =
                content(
                        target,
                        in,
                        "Debezium JDBC sink",
                        t -> DebeziumConnectors.sinkTable(topicOf(in, t)));
        return Trial.of(
                c,
                in.events(),
                SinkInput.describe(in)
                        + ", "
                        + tasks
                        + " task(s), upsert, batch.size 5000, reduction buffer,"
                        + " reWriteBatchedInserts",
                content);
    }

    private static String topicOf(Prepared in, String table) {
        return in.topics().get(in.tables().indexOf(table));
    }

    /** Checks every table of {@code target} (SQL name from the table name) against the workload. */
    private static String content(
            PostgresDatabase target, Prepared in, String who, Function<String, String> sqlName)
            throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        in.tables().forEach(t -> names.put(t, sqlName.apply(t)));
        try (Connection c = target.connect()) {
            return TableContent.check(who, in.content(), TableContent.ofTables(c, names));
        }
    }
}
