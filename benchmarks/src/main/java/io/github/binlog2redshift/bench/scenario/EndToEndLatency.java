package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.Sizes;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.peer.PeerSource;
import io.github.binlog2redshift.bench.result.Direction;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.result.Percentiles;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.LatencyPoller;
import io.github.binlog2redshift.bench.stack.LatencyWindow;
import io.github.binlog2redshift.bench.workload.SteadyLoad;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end latency: commit in MariaDB to row visible in PostgreSQL under steady load, in two
 * passes that map onto the targets. The rate pass holds each of {@link
 * Sizes#latencyRates()} over {@link Sizes#latencyTables()} tables ({@code latency-<rate>/s}: ours
 * with 1 s checkpoints); the wide pass holds 800 changes/s over {@link Sizes#latencyManyTables()}
 * tables ({@code latency-<n>-tables}: ours with 5 s checkpoints, so a pipeline of its own). Ours
 * runs both jobs in one MiniCluster (source -> Kafka -> sink); the peer runs Debezium's source and
 * JDBC sink on one Connect worker (no checkpoints; connectors configured alike in both passes).
 * Ours runs first, then the peer, never both at once; each window has a warm-up before it.
 */
public final class EndToEndLatency implements Scenario {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndLatency.class);
    private static final Duration WARMUP = Duration.ofSeconds(5);
    private static final Duration DRAIN = Duration.ofSeconds(60);
    private static final Duration RATE_CHECKPOINT = Duration.ofSeconds(1);
    private static final Duration MANY_TABLES_CHECKPOINT = Duration.ofSeconds(5);

    /** The light load, applied to the wide schema. */
    private static final int MANY_TABLES_RATE = 800;

    /** One measured window: its scenario name and rate. */
    private record Window(String scenario, int rate) {}

    /**
     * One pipeline start per system: its tables, the windows run through it, and the checkpoint
     * interval of ours (the peer has none).
     */
    private record Pass(int tables, List<Window> windows, Duration ourCheckpoint) {}

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        Sizes sizes = env.sizes();
        List<Window> rates =
                sizes.latencyRates().stream()
                        .map(r -> new Window("latency-" + r + "/s", r))
                        .toList();
        Pass narrow = new Pass(sizes.latencyTables(), rates, RATE_CHECKPOINT);
        Pass wide =
                new Pass(
                        sizes.latencyManyTables(),
                        List.of(
                                new Window(
                                        "latency-" + sizes.latencyManyTables() + "-tables",
                                        MANY_TABLES_RATE)),
                        MANY_TABLES_CHECKPOINT);
        runOurs(env, narrow, "latours", 5600);
        runOurs(env, wide, "latourswide", 5610);
        if (env.runPeer()) {
            try (ConnectWorker worker =
                    ConnectWorker.start(
                            env.dir("connect-lat"), env.stack().kafka().bootstrapServers())) {
                runPeer(env, worker, narrow, "peerlat", 5700);
                runPeer(env, worker, wide, "peerlatwide", 5710);
            }
        }
    }

    private void runOurs(BenchEnv env, Pass pass, String hint, int serverId) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase(hint);
        SteadyLoad load = new SteadyLoad(db, pass.tables());
        PostgresDatabase target = env.stack().newPostgresDatabase(hint);
        KafkaTopic topic = env.stack().newTopic(hint, 4);
        long checkpointSeconds = pass.ourCheckpoint().toSeconds();
        SourceConfig source =
                OurSource.config(
                        OurSource.options(
                                db,
                                topic.bootstrapServers(),
                                topic.name(),
                                serverId + "-" + (serverId + 4),
                                "source.startup.mode=LATEST",
                                "source.parallelism=1",
                                "pipeline.parallelism=2",
                                "pipeline.checkpoint.interval=" + checkpointSeconds + "s"));
        OurSink.initS3(env.stack());
        OurSink.Options sink =
                new OurSink.Options(
                        topic.bootstrapServers(),
                        Pattern.compile(Pattern.quote(topic.name())),
                        "bench-" + hint,
                        target,
                        env.stack().newS3Location(hint).uri("staging/"),
                        pass.ourCheckpoint(),
                        4);
        JobClient job =
                FlinkRunner.start(
                        hint,
                        FlinkRunner.baseConfig(2),
                        2,
                        e -> {
                            OurSource.build(e, source);
                            OurSink.build(e, sink);
                        });
        try (Connection c = target.connect()) {
            measure(
                    env,
                    Measurement.OURS,
                    pass,
                    load,
                    c,
                    t -> db.name() + "." + t,
                    "source p1 + sink p2, checkpoint "
                            + checkpointSeconds
                            + " s, AT_LEAST_ONCE to Kafka");
        } finally {
            FlinkRunner.cancel(job);
        }
    }

    private void runPeer(BenchEnv env, ConnectWorker worker, Pass pass, String prefix, int serverId)
            throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase(prefix);
        SteadyLoad load = new SteadyLoad(db, pass.tables());
        PostgresDatabase target = env.stack().newPostgresDatabase(prefix);
        PeerSource.grant(env.stack().mySql(), db);
        // The topics exist before the sink subscribes, as they would in a running deployment (and
        // as our topic does). Left to the source to create on first write, those that appeared
        // after the sink's consumers had joined stayed unassigned: a topics.regex consumer picks
        // up new topics only at its next metadata refresh (metadata.max.age.ms, 5 minutes). In an
        // earlier run that was three quarters of the 100 tables, never visible in any window.
        for (String table : load.tables()) {
            env.stack().kafka().createTopic(DebeziumConnectors.topic(prefix, db, table), 1);
        }
        String source =
                PeerSource.start(worker, db, prefix, serverId, "no_data", env.dir("dbz-" + prefix));
        String sinkName = prefix + "-jdbc";
        try (Connection c = target.connect()) {
            worker.create(
                    sinkName,
                    DebeziumConnectors.jdbcSink(
                            target, Pattern.quote(prefix + "." + db.name() + ".") + ".*", 2));
            measure(
                    env,
                    Measurement.PEER,
                    pass,
                    load,
                    c,
                    t -> DebeziumConnectors.sinkTable(DebeziumConnectors.topic(prefix, db, t)),
                    "Debezium MariaDB source + JDBC sink (2 tasks) on one worker");
        } finally {
            // The next pass gets the worker to itself.
            worker.delete(sinkName);
            worker.delete(source);
        }
    }

    private void measure(
            BenchEnv env,
            String system,
            Pass pass,
            SteadyLoad load,
            Connection target,
            Function<String, String> targetName,
            String how)
            throws Exception {
        List<String> targets = load.tables().stream().map(targetName).toList();
        LatencyPoller poller = new LatencyPoller(target, targets, load);
        for (Window w : pass.windows()) {
            LatencyWindow.Result r =
                    LatencyWindow.run(
                            load, poller, w.rate(), WARMUP, env.sizes().latencyWindow(), DRAIN);
            Percentiles p = r.samples();
            String note =
                    String.format(
                            Locale.ROOT,
                            "%s; achieved %.0f changes/s, %d tables, %d samples, poll round %.0f ms%s",
                            how,
                            r.achievedRate(),
                            targets.size(),
                            p.count(),
                            r.pollRoundMs(),
                            r.allSeen() ? "" : unseen(r, targets.size()));
            for (int q : new int[] {50, 95, 99}) {
                env.results()
                        .add(
                                new Measurement(
                                        w.scenario(),
                                        system,
                                        "p" + q,
                                        p.percentile(q),
                                        "ms",
                                        Direction.LOWER_IS_BETTER,
                                        q == 50 ? note : ""));
            }
            LOG.info(
                    "{} {}: p50 {} p95 {} p99 {} ms ({})",
                    system,
                    w.scenario(),
                    p.percentile(50),
                    p.percentile(95),
                    p.percentile(99),
                    note);
            if (!r.neverVisible().isEmpty()) {
                LOG.warn("{} {}: tables never visible: {}", system, w.scenario(), r.neverVisible());
            }
        }
    }

    private static String unseen(LatencyWindow.Result r, int tables) {
        return r.neverVisible().isEmpty()
                ? ", NOT ALL SEEN"
                : ", NOT ALL SEEN ("
                        + r.neverVisible().size()
                        + " of "
                        + tables
                        + " tables never visible)";
    }
}
