package io.github.binlog2redshift.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.binlog2redshift.localstack.KafkaTopic;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.MySqlDatabase;
import io.github.binlog2redshift.localstack.PostgresDatabase;
import io.github.binlog2redshift.localstack.S3Location;
import io.github.binlog2redshift.localstack.internal.Directories;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.localstack.junit.Partitions;
import io.github.binlog2redshift.standalone.FlinkCli;
import io.github.binlog2redshift.standalone.FlinkHome;
import io.github.binlog2redshift.standalone.FlinkRest;
import io.github.binlog2redshift.standalone.PackagedJob;
import io.github.binlog2redshift.standalone.StandaloneCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both packaged jars on a real Flink standalone cluster, deployed as a user would: a JobManager and
 * a TaskManager in their own JVMs on a distribution's lib/ and plugins/, both jobs submitted with
 * {@code flink run}, the sink stopped with {@code flink stop --savepointPath} and resumed with
 * {@code flink run -s}. Checks that changes flow from MariaDB to PostgreSQL, that changes made
 * while the sink was stopped arrive after the resume, and that nothing was committed twice.
 *
 * <p>This is what catches packaging bugs a MiniCluster cannot: the jars' class loading against the
 * cluster's lib/ (child-first with Flink's parent-first patterns), the S3 plugin in JobManager and
 * TaskManager, and the client-side {@code main()} of each job.
 */
@ExtendWith(LocalStackExtension.class)
class StandaloneClusterITCase {
    private static final Logger LOG = LoggerFactory.getLogger(StandaloneClusterITCase.class);
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final String SINK_JOB_ID = "standalone-sink";

    @Test
    void bothJarsRunOnAStandaloneClusterAndTheSinkResumesFromASavepoint(
            LocalStack stack,
            MySqlDatabase mysql,
            @Partitions(4) KafkaTopic topic,
            S3Location s3,
            PostgresDatabase warehouse)
            throws Exception {
        MirroredShop shop = new MirroredShop(mysql, warehouse);
        shop.create(20);
        stack.kafka().createTopic(topic.name() + ".dlq", 1);
        stack.kafka().createTopic(SINK_JOB_ID + ".dlq", 1);
        Path workDir =
                Files.createTempDirectory(
                        Path.of("target").toAbsolutePath(), "standalone-cluster-");
        JobSettings settings = new JobSettings(stack, mysql, topic, s3, warehouse, SINK_JOB_ID);
        Path sourceProperties = settings.writeSource(workDir.resolve("cdc-source.properties"));
        Path sinkProperties = settings.writeSink(workDir.resolve("redshift-sink.properties"));

        try {
            runPipeline(shop, settings, workDir, sourceProperties, sinkProperties, s3);
        } finally {
            Directories.deleteRecursively(workDir);
        }
    }

    private void runPipeline(
            MirroredShop shop,
            JobSettings settings,
            Path workDir,
            Path sourceProperties,
            Path sinkProperties,
            S3Location s3)
            throws Exception {
        long t0 = System.nanoTime();
        List<Long> pids;
        try (StandaloneCluster c =
                StandaloneCluster.start(
                        FlinkHome.create(workDir.resolve("flink"), settings.cluster()),
                        settings.restPort(),
                        4,
                        Path.of("target", "standalone-cluster-logs").toAbsolutePath())) {
            lap("cluster started (JobManager + TaskManager)", t0);
            FlinkCli flink = new FlinkCli(c.home());
            FlinkRest rest = c.rest();

            String source =
                    flink.run(
                            PackagedJob.CDC_SOURCE,
                            List.of("--config-file", sourceProperties.toString()));
            String sink =
                    flink.run(
                            PackagedJob.REDSHIFT_SINK,
                            List.of("--config-file", sinkProperties.toString()));
            lap("both jobs submitted with flink run", t0);
            awaitRunning(rest, source);
            awaitRunning(rest, sink);

            shop.insert(21, 30);
            shop.update(4, "updated");
            shop.delete(5, 7);
            awaitEqual(shop, rest, List.of(source, sink));
            lap("snapshot + insert/update/delete mirrored", t0);

            long beforeStop = shop.lastLedgerCheckpoint(SINK_JOB_ID);
            long rowsBeforeStop = shop.ledgerRowsUpTo(SINK_JOB_ID, beforeStop);
            String savepoint = flink.stopWithSavepoint(sink, s3.uri("savepoints/"));
            // The CLI returns once the savepoint is complete; the job reaches FINISHED just after.
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> assertThat(rest.jobState(sink)).isEqualTo("FINISHED"));
            assertThat(savepoint).startsWith(s3.uri("savepoints/"));
            lap("sink stopped with savepoint " + savepoint, t0);

            shop.insert(31, 40);
            shop.update(3, "while-stopped");
            shop.delete(10, 12);
            // The sink is gone, so the warehouse must still show the old state.
            Thread.sleep(2_000);
            assertThat(shop.verify().exitCode())
                    .as("verify while the sink is stopped")
                    .isEqualTo(1);

            String resumed =
                    flink.runFromSavepoint(
                            savepoint,
                            PackagedJob.REDSHIFT_SINK,
                            List.of("--config-file", sinkProperties.toString()));
            awaitRunning(rest, resumed);
            awaitEqual(shop, rest, List.of(source, resumed));
            lap("sink resumed from the savepoint and caught up", t0);

            assertThat(shop.duplicateLedgerKeys(SINK_JOB_ID)).isEmpty();
            // A job restored from the savepoint continues its checkpoint ids; a fresh start would
            // begin again at 1 and add ledger rows below the ids seen before the stop.
            assertThat(shop.lastLedgerCheckpoint(SINK_JOB_ID)).isGreaterThan(beforeStop);
            assertThat(shop.ledgerRowsUpTo(SINK_JOB_ID, beforeStop)).isEqualTo(rowsBeforeStop);
            assertThat(rest.jobState(source)).isEqualTo("RUNNING");
            pids = c.processTrees();
        }
        lap("cluster stopped", t0);
        assertThat(pids)
                .as("JobManager and TaskManager processes after close")
                .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(workDir.resolve("flink")).doesNotExist();
    }

    private static void awaitRunning(FlinkRest rest, String jobId) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(
                        () -> {
                            try {
                                return failIfEnded(rest, jobId) && rest.allTasksRunning(jobId);
                            } catch (IOException e) {
                                return false; // not known to the REST API yet
                            }
                        });
    }

    /** Polls verify until the target equals the source; a failed job ends the wait at once. */
    private static void awaitEqual(MirroredShop shop, FlinkRest rest, List<String> jobs) {
        AtomicReference<MirroredShop.Verdict> last = new AtomicReference<>();
        try {
            await().atMost(CATCH_UP)
                    .pollInterval(Duration.ofMillis(500))
                    .until(
                            () -> {
                                for (String job : jobs) {
                                    failIfEnded(rest, job);
                                }
                                last.set(shop.verify());
                                return last.get().equal();
                            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(
                    "target never equalled the source; last verify report:\n"
                            + (last.get() == null ? "(none)" : last.get().report()),
                    e);
        }
    }

    private static boolean failIfEnded(FlinkRest rest, String jobId) throws Exception {
        String state = rest.jobState(jobId);
        if (state.equals("FAILED") || state.equals("CANCELED") || state.equals("FINISHED")) {
            throw new AssertionError(
                    "job " + jobId + " is " + state + ": " + rest.rootException(jobId));
        }
        return true;
    }

    private static void lap(String what, long t0) {
        LOG.info("{} after {} ms", what, (System.nanoTime() - t0) / 1_000_000);
    }
}
