package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.ours.OurSource;
import io.github.binlog2redshift.bench.peer.ConnectWorker;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors;
import io.github.binlog2redshift.bench.peer.DebeziumConnectors.SourceKind;
import io.github.binlog2redshift.bench.peer.PeerSource;
import io.github.binlog2redshift.bench.result.Direction;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.result.Percentiles;
import io.github.binlog2redshift.bench.stack.FlinkRunner;
import io.github.binlog2redshift.bench.stack.LatencyPoller;
import io.github.binlog2redshift.bench.workload.SteadyLoad;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.flink.core.execution.JobClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end latency: commit in MariaDB to row visible in PostgreSQL under steady load at each rate
 * of {@link io.github.binlog2redshift.bench.Sizes#latencyRates()}, over many tables. Ours runs both
 * jobs in one MiniCluster (source -> Kafka -> sink, checkpoints every second: the interval that
 * sets our latency); the peer runs Debezium's source and JDBC sink on one Connect worker. Each
 * system's pipeline is started once and taken through the rates in order, with a warm-up before
 * each window.
 */
public final class EndToEndLatency implements Scenario {

    private static final Logger LOG = LoggerFactory.getLogger(EndToEndLatency.class);
    private static final long WARMUP_MS = 5_000;
    private static final long DRAIN_MS = 60_000;

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        runOurs(env);
        if (env.runPeer()) {
            runPeer(env);
        }
    }

    private void runOurs(BenchEnv env) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase("latours");
        SteadyLoad load = new SteadyLoad(db, env.sizes().latencyTables());
        PostgresDatabase target = env.stack().newPostgresDatabase("latours");
        KafkaTopic topic = env.stack().newTopic("lat", 4);
        SourceConfig source =
                OurSource.config(
                        OurSource.options(
                                db,
                                topic.bootstrapServers(),
                                topic.name(),
                                "5600-5604",
                                "source.startup.mode=LATEST",
                                "source.parallelism=1",
                                "pipeline.parallelism=2",
                                "pipeline.checkpoint.interval=1s"));
        OurSink.initS3(env.stack());
        OurSink.Options sink =
                new OurSink.Options(
                        topic.bootstrapServers(),
                        Pattern.compile(Pattern.quote(topic.name())),
                        "bench-latency",
                        target,
                        env.stack().newS3Location("latency").uri("staging/"),
                        Duration.ofSeconds(1),
                        4);
        JobClient job =
                FlinkRunner.start(
                        "latency",
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
                    load,
                    c,
                    t -> db.name() + "." + t,
                    "source p1 + sink p2, checkpoint 1 s, AT_LEAST_ONCE to Kafka");
        } finally {
            FlinkRunner.cancel(job);
        }
    }

    private void runPeer(BenchEnv env) throws Exception {
        MySqlDatabase db = env.stack().newMySqlDatabase("latpeer");
        SteadyLoad load = new SteadyLoad(db, env.sizes().latencyTables());
        PostgresDatabase target = env.stack().newPostgresDatabase("latpeer");
        PeerSource.grant(env.stack().mySql(), db);
        String prefix = "peerlat";
        try (ConnectWorker worker =
                        ConnectWorker.start(
                                env.dir("connect-lat"), env.stack().kafka().bootstrapServers());
                Connection c = target.connect()) {
            SourceKind kind =
                    PeerSource.start(worker, db, prefix, 5700, "no_data", env.dir("dbz-lat"));
            worker.create(
                    "peerlat-jdbc",
                    DebeziumConnectors.jdbcSink(target, Pattern.quote(prefix + ".") + ".*", 2));
            // Debezium's JDBC sink names tables after the topic, dots replaced by underscores.
            measure(
                    env,
                    Measurement.PEER,
                    load,
                    c,
                    t -> prefix + "_" + db.name() + "_" + t,
                    "Debezium "
                            + kind.name().toLowerCase(java.util.Locale.ROOT)
                            + " source + JDBC sink (2 tasks) on one worker");
        }
    }

    private void measure(
            BenchEnv env,
            String system,
            SteadyLoad load,
            Connection target,
            Function<String, String> targetName,
            String how)
            throws Exception {
        List<String> targets = load.tables().stream().map(targetName).toList();
        LatencyPoller poller = new LatencyPoller(target, targets, load);
        for (int rate : env.sizes().latencyRates()) {
            load.record(false);
            load.run(rate, WARMUP_MS);
            load.record(true);
            Thread polling = newPoller(poller);
            polling.start();
            double achieved = load.run(rate, env.sizes().latencyWindow().toMillis());
            load.record(false);
            polling.interrupt();
            polling.join();
            boolean drained = poller.drain(DRAIN_MS);
            long[] samples = poller.takeSamples();
            String scenario = "latency-" + rate + "/s";
            if (samples.length == 0) {
                throw new IllegalStateException(system + " made no row visible at " + rate + "/s");
            }
            Percentiles p = Percentiles.of(samples);
            String note =
                    String.format(
                            java.util.Locale.ROOT,
                            "%s; achieved %.0f changes/s, %d tables, %d samples, poll round %.0f ms%s",
                            how,
                            achieved,
                            targets.size(),
                            p.count(),
                            poller.meanRoundMs(),
                            drained ? "" : ", NOT ALL SEEN");
            for (int q : new int[] {50, 95, 99}) {
                env.results()
                        .add(
                                new Measurement(
                                        scenario,
                                        system,
                                        "p" + q,
                                        p.percentile(q),
                                        "ms",
                                        Direction.LOWER_IS_BETTER,
                                        q == 50 ? note : ""));
            }
            LOG.info(
                    "{} at {}/s: p50 {} p95 {} p99 {} ms ({})",
                    system,
                    rate,
                    p.percentile(50),
                    p.percentile(95),
                    p.percentile(99),
                    note);
        }
    }

    private static Thread newPoller(LatencyPoller poller) {
        Thread t =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                poller.pollOnce();
                                try {
                                    Thread.sleep(20);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "latency-poller");
        t.setDaemon(true);
        return t;
    }
}
