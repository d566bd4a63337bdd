package io.github.binlog2redshift.bench.scenario;

import io.github.binlog2redshift.bench.BenchEnv;
import io.github.binlog2redshift.bench.Scenario;
import io.github.binlog2redshift.bench.ours.OurSink;
import io.github.binlog2redshift.bench.reference.PostgresCopyReference;
import io.github.binlog2redshift.bench.reference.RedshiftCopyReference;
import io.github.binlog2redshift.bench.result.Direction;
import io.github.binlog2redshift.bench.result.Measurement;
import io.github.binlog2redshift.bench.stack.TargetProbe;
import io.github.binlog2redshift.bench.workload.SinkTopics.Prepared;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.WarehouseDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.Locale;

/**
 * The sink catch-up into the local Redshift (docs/local-redshift.md) instead of PostgreSQL: the
 * same topics, the same job settings and the same content check, the sink configured as for a
 * cluster ({@code sink.target=REDSHIFT}, a {@code jdbc:redshift://} URL through redshift-jdbc42,
 * COPY from S3 manifests with an IAM role). No peer: Debezium's JDBC sink has no Redshift COPY
 * path. Beside it, what the emulator costs: one COPY of as many rows (at most {@link #COPY_ROWS})
 * through it, with its COPY engine and PostgreSQL's COPY measured apart, against pgjdbc's COPY of
 * the same rows; and the CPU of the emulator's threads while the sink caught up. The emulator runs
 * every statement on the local PostgreSQL after its own checks, in this JVM: the figure is the sink
 * plus the emulator on this machine, never Redshift's speed.
 */
public final class SinkCatchUpRedshift implements Scenario {

    static final String NAME = "sink-catch-up-redshift";

    /** Rows of the COPY references, and how many rounds each takes the fastest of. */
    private static final long COPY_ROWS = 200_000;

    private static final int COPY_ROUNDS = 3;

    /** The emulator's session threads ({@code RedshiftServer}). */
    private static final String EMULATOR_THREADS = "b2r-local-redshift";

    private final SinkInput input;

    public SinkCatchUpRedshift(SinkInput input) {
        this.input = input;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(BenchEnv env) throws Exception {
        Prepared in = input.get(env);
        OurSink.initS3(env.stack());
        env.results()
                .finding(
                        NAME
                                + ": no peer figure: Debezium's JDBC sink has no Redshift COPY path"
                                + " (it writes through JDBC INSERT/UPSERT statements only)");
        measureCopy(env, in.events());

        WarehouseDatabase target = Warehouse.REDSHIFT.newDatabase(env.stack(), "sinkrs");
        OurSink.Options options =
                new OurSink.Options(
                        env.stack().kafka().bootstrapServers(),
                        input.topicPattern(),
                        "bench-sink-redshift",
                        target,
                        env.stack().newS3Location("sinkbench-rs").uri("staging/"),
                        Duration.ofSeconds(5),
                        4);
        // Markers are polled on PostgreSQL directly (read committed, as in sink-catch-up), so the
        // poller neither takes part in the emulator's serializable checks nor adds to its CPU;
        // the final content is counted through redshift-jdbc42.
        Connection markers = env.stack().postgres().connect(target.name());
        OurCatchUp.Result run = OurCatchUp.run(env, NAME, in, options, markers, EMULATOR_THREADS);
        long rows;
        try (TargetProbe content = new TargetProbe(target.connect(), OurCatchUp.tables(in))) {
            rows = content.rows();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        env.results()
                .add(
                        Measurement.rate(
                                NAME,
                                Measurement.OURS,
                                run.eventsPerSecond(in),
                                "events/s",
                                SinkInput.describe(in)
                                        + ", parallelism 2, checkpoint 5 s, local Redshift"
                                        + " (jdbc:redshift, COPY IAM_ROLE from gzip CSV"
                                        + " manifests on S3Proxy); "
                                        + run.retriesText()
                                        + "; rows "
                                        + rows
                                        + "/"
                                        + in.expectedRows()));
        env.results()
                .add(
                        new Measurement(
                                NAME,
                                Measurement.OURS,
                                "emulator_cpu_s",
                                run.cpu().threadsCpuS(),
                                "CPU-s",
                                Direction.LOWER_IS_BETTER,
                                String.format(
                                        Locale.ROOT,
                                        "the emulator's session threads while the sink caught"
                                                + " up: %.0f%% of the JVM's CPU, %.0f%% of the"
                                                + " machine's",
                                        100
                                                * run.cpu().threadsCpuS()
                                                / Math.max(run.cpu().jvmCpuS(), 1e-9),
                                        100
                                                * run.cpu().threadsCpuS()
                                                / (run.cpu().wallS() * cores))));
        env.results()
                .finding(
                        NAME
                                + ": CPU while redshift-sink caught up: "
                                + run.cpu().describe("emulator threads", cores)
                                + "; "
                                + run.retriesText()
                                + comparison(env, run.eventsPerSecond(in)));
        SinkInput.check("redshift-sink on the local Redshift", rows, in.expectedRows());
    }

    /** Against the PostgreSQL run of the same topics, when it ran before in this run. */
    private static String comparison(BenchEnv env, double eventsPerSecond) {
        return env.results().measurements().stream()
                .filter(m -> m.scenario().equals(SinkCatchUp.HEADLINE))
                .filter(m -> m.system().equals(Measurement.OURS))
                .filter(m -> m.metric().equals("rate_with_startup"))
                .findFirst()
                .map(
                        pg ->
                                String.format(
                                        Locale.ROOT,
                                        "; %.0f events/s against %.0f into PostgreSQL in this"
                                                + " run (%.2fx)",
                                        eventsPerSecond,
                                        pg.value(),
                                        eventsPerSecond / pg.value()))
                .orElse("");
    }

    /**
     * One COPY through the emulator against pgjdbc's COPY of the same rows, both now, each the
     * fastest of {@link #COPY_ROUNDS} after a first round; at most {@link #COPY_ROWS} rows, since
     * the figure is a cost per row and the full run's budget is 30 minutes.
     */
    private static void measureCopy(BenchEnv env, long events) throws Exception {
        long rows = Math.min(events, COPY_ROWS);
        PostgresDatabase pg = env.stack().newPostgresDatabase("copyref");
        long pgMs = Long.MAX_VALUE;
        try (Connection c = pg.connect()) {
            PostgresCopyReference.copyMillis(c, rows);
            for (int r = 0; r < COPY_ROUNDS; r++) {
                pgMs = Math.min(pgMs, Math.max(PostgresCopyReference.copyMillis(c, rows), 1));
            }
        }
        String rounds = "fastest of " + COPY_ROUNDS + " after a first round";
        env.results()
                .add(
                        Measurement.rate(
                                NAME,
                                Measurement.REFERENCE_PREFIX + "postgres-copy",
                                rows * 1000.0 / pgMs,
                                "rows/s",
                                rows
                                        + " rows, one COPY FROM STDIN, pgjdbc CopyManager; "
                                        + rounds));
        RedshiftCopyReference.Timing t =
                RedshiftCopyReference.measure(
                        env.stack().newRedshiftDatabase("copyrefrs"),
                        env.stack().postgres(),
                        env.stack().s3(),
                        env.stack().newS3Location("copyref-rs"),
                        env.dir("copyref-rs"),
                        rows,
                        COPY_ROUNDS);
        String system = Measurement.REFERENCE_PREFIX + "redshift-emulator-copy";
        env.results()
                .add(
                        Measurement.rate(
                                NAME,
                                system,
                                rows * 1000.0 / Math.max(t.copyMs(), 1),
                                "rows/s",
                                String.format(
                                        Locale.ROOT,
                                        "%d rows, one COPY of 4 gzip CSV files by manifest,"
                                                + " IAM_ROLE, through redshift-jdbc42, %s; its"
                                                + " halves measured apart: engine %d ms,"
                                                + " PostgreSQL COPY %d ms",
                                        rows,
                                        rounds,
                                        t.engineMs(),
                                        t.backendMs())));
        env.results()
                .add(
                        new Measurement(
                                NAME,
                                system,
                                "engine_ms",
                                t.engineMs(),
                                "ms",
                                Direction.LOWER_IS_BETTER,
                                "the emulator's COPY engine alone on the same files: S3 read,"
                                        + " gunzip, every field checked by Redshift's rules, rows"
                                        + " rewritten to a local file; "
                                        + rounds));
        env.results()
                .add(
                        new Measurement(
                                NAME,
                                system,
                                "backend_copy_ms",
                                t.backendMs(),
                                "ms",
                                Direction.LOWER_IS_BETTER,
                                "PostgreSQL's server-side COPY of the engine's file; " + rounds));
        env.results()
                .finding(
                        String.format(
                                Locale.ROOT,
                                "%s: one COPY of %d rows takes %.1fx as long through the local"
                                        + " Redshift (%d ms) as by pgjdbc into PostgreSQL"
                                        + " (%d ms); its COPY engine alone runs at %.0f rows/s",
                                NAME,
                                rows,
                                (double) t.copyMs() / pgMs,
                                t.copyMs(),
                                pgMs,
                                rows * 1000.0 / Math.max(t.engineMs(), 1)));
    }
}
