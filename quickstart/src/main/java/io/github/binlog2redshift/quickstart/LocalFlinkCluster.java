package io.github.binlog2redshift.quickstart;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Flink MiniCluster in this JVM for both jobs, with the web dashboard (flink-runtime-web on the
 * classpath) on {@code localhost:<rest port>} and optionally a Prometheus endpoint. Both jobs share
 * it, so one dashboard and one metrics endpoint show both. {@link #close()} cancels the jobs and
 * stops the cluster; it is safe to call twice, also from a shutdown hook.
 */
final class LocalFlinkCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFlinkCluster.class);

    private final MiniCluster cluster;
    private final List<JobID> jobs = new ArrayList<>();
    private boolean closed;

    private LocalFlinkCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Starts the cluster.
     *
     * @param settings extra settings (S3 file system, the user's {@code flink.*} keys)
     * @param slots task slots both jobs need ({@link PipelineJobs.Graphs#slots()}); a larger {@code
     *     taskmanager.numberOfTaskSlots} in {@code settings} wins
     * @param restPort dashboard port, 0 for any free one
     * @param prometheusPort Prometheus endpoint port, or {@code null} for none
     */
    static LocalFlinkCluster start(
            Configuration settings, int slots, int restPort, Integer prometheusPort)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(RestOptions.ADDRESS, "localhost");
        conf.set(RestOptions.PORT, restPort);
        // Flink's default is one fixed folder for every cluster on the machine; runs must not share
        // it.
        conf.set(WebOptions.TMP_DIR, Files.createTempDirectory("b2r-flink-web-").toString());
        // The dashboard and the status table read metrics through the REST API, which caches them
        // for 10 s by default; a demo wants them fresh.
        conf.set(MetricOptions.METRIC_FETCHER_UPDATE_INTERVAL, Duration.ofSeconds(1));
        if (prometheusPort != null) {
            conf.setString(
                    "metrics.reporter.prom.factory.class",
                    "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
            conf.setString("metrics.reporter.prom.port", Integer.toString(prometheusPort));
        }
        conf.addAll(settings);
        // Exactly what both jobs need, whatever parallelism the user's --config sets (the demo's
        // cdc-source at 1 and redshift-sink at 2 take 3): a job short of slots would wait for them.
        int taskSlots =
                Math.max(slots, settings.getOptional(TaskManagerOptions.NUM_TASK_SLOTS).orElse(1));
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, taskSlots);
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                // The builder's own default (1) would override the setting above.
                                .setNumSlotsPerTaskManager(taskSlots)
                                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster);
    }

    /** The dashboard's port (the configured one, or the free one picked for 0). */
    int restPort() throws Exception {
        return cluster.getRestAddress().get(10, TimeUnit.SECONDS).getPort();
    }

    /** Submits {@code job}; returns its id. */
    synchronized String submit(JobGraph job) throws Exception {
        cluster.submitJob(job).get(60, TimeUnit.SECONDS);
        jobs.add(job.getJobID());
        LOG.info("Submitted job {} ({})", job.getName(), job.getJobID());
        return job.getJobID().toHexString();
    }

    /** Cancels the jobs and stops the cluster. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (JobID job : jobs) {
            try {
                cluster.cancelJob(job).get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Already finished or failed: nothing left to cancel.
                LOG.debug("Cancelling job {}: {}", job, e.toString());
            }
        }
        try {
            cluster.closeAsync().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("The Flink MiniCluster did not stop cleanly", e);
        }
    }
}
