package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.sink.WarehouseSink;
import io.github.binlog2redshift.sink.jdbc.ConnectionProvider;
import io.github.binlog2redshift.sink.jdbc.ConnectionSettings;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the whole pipeline: local services for what is not configured, the demo schema and
 * seed rows, both jobs in one local Flink cluster, the load generator and the status table; with
 * {@code --duration}, then catch-up and verify. Everything started here is stopped by {@link
 * #close()}, which a shutdown hook also runs on Ctrl-C: load generator first (no more writes), then
 * the jobs and the cluster, then the local services.
 */
final class Quickstart implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Quickstart.class);

    /** The start of verify's line for a row it did not compare because it is dead-lettered. */
    private static final String EXCUSED = "dead-lettered (not compared)";

    static final int SEED_ROWS = 100;
    private static final long ALTER_GRACE_MS = 90_000;

    private final QuickstartOptions options;
    private final UserProperties user;
    private final PrintStream out;
    private final Thread shutdownHook = new Thread(this::close, "b2r-quickstart-shutdown");
    private volatile boolean closing;
    private LocalStack stack;
    private LocalFlinkCluster cluster;
    private LoadGenerator load;
    private KafkaBacklog kafka;

    Quickstart(QuickstartOptions options, UserProperties user, PrintStream out) {
        this.options = options;
        this.user = user;
        this.out = out;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Runs until the duration is over (then returns verify's exit code) or until Ctrl-C. */
    int run() throws Exception {
        Pipeline pipeline = new PipelineSetup(options, user, this::stack).prepare();
        pipeline.localServices().forEach(s -> out.println("  started " + s));
        DemoWorkload workload = new DemoWorkload(options.seed);
        if (pipeline.demo().isPresent()) {
            try (Connection c = pipeline.demo().get().get()) {
                workload.seed(c, SEED_ROWS);
            }
            out.println(
                    "  demo schema: databases shop and crm, 5 tables, " + SEED_ROWS + " seed rows");
            DemoSchema.Extension extra = pipeline.extension();
            if (extra != null) {
                out.println(
                        "  extra SQL: "
                                + extra.statements()
                                + " statements from "
                                + options.extraSql
                                + "; new databases "
                                + (extra.databases().isEmpty() ? "none" : extra.databases())
                                + ", new tables "
                                + (extra.tables().isEmpty() ? "none" : extra.tables()));
            }
        } else {
            out.println("  source is your MySQL: no demo schema, no load generator");
        }
        PipelineJobs.Graphs graphs = PipelineJobs.build(pipeline);
        cluster =
                LocalFlinkCluster.start(
                        pipeline.flink(), graphs.slots(), options.restPort, options.prometheusPort);
        int port = cluster.restPort();
        out.println("  Flink dashboard: http://localhost:" + port + "/");
        if (options.prometheusPort != null) {
            out.println(
                    "  Prometheus metrics: http://localhost:"
                            + options.prometheusPort
                            + "/metrics");
        }
        PipelineJobs.JobIds jobs = PipelineJobs.submit(cluster, graphs);
        out.println("  jobs: cdc-source " + jobs.source() + ", redshift-sink " + jobs.sink());

        ConnectionSettings target =
                WarehouseSink.fromConfig(pipeline.sink()).settings().connection();
        ConnectionProvider targetConnections = new ConnectionProvider(target);
        ProgressProbe.JdbcSource source = () -> sourceConnection(pipeline);
        List<TrackedTable> tables;
        try (Connection c = source.open()) {
            tables = TrackedTable.resolve(c, pipeline.source(), pipeline.sink());
        }
        kafka = new KafkaBacklog(pipeline.sink().kafka());
        ProgressProbe probe =
                new ProgressProbe(
                        new FlinkRest(port),
                        jobs,
                        tables,
                        pipeline.demo().isPresent() ? source : null,
                        targetConnections::open,
                        kafka);
        StatusTable status = new StatusTable(out, !options.plain && System.console() != null);

        if (pipeline.demo().isPresent() && options.rate > 0) {
            Duration alterAfter =
                    options.duration == null
                            ? Duration.ofSeconds(30)
                            : options.duration.dividedBy(2);
            load = new LoadGenerator(pipeline.demo().get(), workload, options.rate, alterAfter);
            load.start();
        }
        long deadline =
                options.duration == null
                        ? Long.MAX_VALUE
                        : System.currentTimeMillis() + options.duration.toMillis();
        // A bounded run promises its schema change; on a slow machine the snapshot (which the ALTER
        // must wait for) can outlast the duration, so the load runs on until the ALTER has run.
        long alterGrace = deadline == Long.MAX_VALUE ? deadline : deadline + ALTER_GRACE_MS;
        while (!closing
                && (System.currentTimeMillis() < deadline
                        || (load != null
                                && !load.altered()
                                && System.currentTimeMillis() < alterGrace))) {
            Status s = probe.probe();
            status.show(s, "running", load);
            // Flink CDC discovers the tables' schemas when it hands out the binlog split, after the
            // whole snapshot, then reads the binlog from the snapshot's start: a DDL before that
            // hand-out fails the source ("schema out of sync"). A streamed change proves it
            // happened; counting snapshot rows did not (the load adds rows during the snapshot).
            if (load != null && s.binlogStreaming()) {
                load.allowAlter();
            }
            if (s.jobFailed() || (load != null && load.failure() != null)) {
                out.println("A job or the load generator failed; see the log file.");
                return 2;
            }
            Thread.sleep(1000);
        }
        if (load != null) {
            load.close();
        }
        return catchUpAndVerify(pipeline, target, tables, probe, status, new FlinkRest(port), jobs);
    }

    private int catchUpAndVerify(
            Pipeline pipeline,
            ConnectionSettings target,
            List<TrackedTable> tables,
            ProgressProbe probe,
            StatusTable status,
            FlinkRest rest,
            PipelineJobs.JobIds jobs)
            throws Exception {
        CatchUpWatch watch =
                new CatchUpWatch(
                        options.checkpointInterval.toMillis(), pipeline.demo().isPresent());
        long giveUp = System.currentTimeMillis() + options.catchUpTimeout.toMillis();
        Status s = probe.probe();
        while (!watch.caughtUp(s) && System.currentTimeMillis() < giveUp && !closing) {
            status.show(s, "catch-up", load);
            if (s.jobFailed()) {
                out.println("A job failed while catching up; see the log file.");
                return 2;
            }
            Thread.sleep(1000);
            s = probe.probe();
        }
        out.println();
        // "settled": caught up, but some table's counts stay apart (rows in dead letters).
        String outcome =
                !watch.caughtUp(s)
                        ? "TIMEOUT"
                        : pipeline.demo().isPresent() && !s.countsMatch() ? "settled" : "caught-up";
        out.println(status.line(s, outcome, load));
        out.print(StatusTable.table(s));
        List<String> letterKeys = new ArrayList<>();
        int deadLetters = RunHealthReport.print(pipeline, rest, jobs, letterKeys, out);
        out.println();
        out.println("verify: comparing " + tables.size() + " tables, source against warehouse");
        Path keyFile = letterKeys.isEmpty() ? null : RunHealthReport.writeKeys(letterKeys);
        // verify's report is short (no progress bar); kept to count the rows it excused
        StringWriter report = new StringWriter();
        PrintWriter writer = new PrintWriter(report, true);
        int code;
        try {
            code = VerifyStep.run(pipeline, target, tables, keyFile, writer, writer);
        } finally {
            writer.flush();
            out.print(report);
            if (keyFile != null) {
                Files.deleteIfExists(keyFile);
            }
        }
        long excused = report.toString().lines().filter(l -> l.contains(EXCUSED)).count();
        out.println(
                code == 0
                        ? excused > 0
                                ? "verify: source and target are EQUAL apart from "
                                        + excused
                                        + " dead-lettered row"
                                        + (excused == 1 ? "" : "s")
                                        + ", listed above"
                                : "verify: source and target are EQUAL"
                        : code == 1
                                ? "verify: source and target DIFFER"
                                        + (deadLetters > 0
                                                ? " (" + deadLetters + " dead letters above)"
                                                : "")
                                : "verify: ERROR (exit code 2)");
        return code;
    }

    private synchronized LocalStack stack() {
        if (stack == null) {
            stack = LocalStack.create().binlogRowImage(options.sourceRowImage.name());
            out.println("  local services in " + stack.directory());
        }
        return stack;
    }

    private static Connection sourceConnection(Pipeline p) throws Exception {
        if (p.demo().isPresent()) {
            return p.demo().get().get();
        }
        var m = p.source().mysql();
        return DriverManager.getConnection(
                "jdbc:mysql://" + m.hostname() + ":" + m.port() + "/",
                m.username(),
                m.password().reveal());
    }

    /** Stops what this run started, in dependency order; safe to call twice and from the hook. */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) return;
            closing = true;
        }
        if (load != null) load.close();
        if (kafka != null) kafka.close();
        if (cluster != null) cluster.close();
        if (stack != null) stack.close();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: this is the hook.
        }
    }
}
