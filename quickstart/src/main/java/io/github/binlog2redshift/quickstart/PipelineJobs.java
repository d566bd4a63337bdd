package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.sink.RedshiftSinkTopology;
import io.github.binlog2redshift.source.CdcSourceTopology;
import io.github.binlog2redshift.source.SourcePreflight;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobmanager.scheduler.SlotSharingGroup;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * Builds both jobs exactly as their {@code main} methods do, cdc-source from {@link
 * CdcSourceTopology} and redshift-sink from {@link RedshiftSinkTopology}, before the local cluster
 * starts, so that the cluster can be given the task slots both need together; then submits them.
 */
final class PipelineJobs {

    /** The Flink job ids, for the REST API. */
    record JobIds(String source, String sink) {}

    /** Both jobs' graphs, named. */
    record Graphs(JobGraph source, JobGraph sink) {

        /**
         * Task slots both jobs need at once. Jobs never share slots, so this is the sum of each
         * job's need. With too few, a job waits for slots that never come: with the 4 fixed slots
         * of before, {@code redshift-sink.pipeline.parallelism=4} took them all and cdc-source
         * captured nothing.
         */
        int slots() {
            return slotsOf(source) + slotsOf(sink);
        }
    }

    private PipelineJobs() {}

    /** Runs the source job's preflight (as its main does) and builds both job graphs. */
    static Graphs build(Pipeline pipeline) {
        // The same checks as the source job's main: binlog format, row image, privileges.
        SourcePreflight.check(pipeline.source());
        return new Graphs(
                graph(sourceJob(pipeline.source()), pipeline.source().pipeline().jobName()),
                graph(sinkJob(pipeline.sink()), pipeline.sink().pipeline().jobName()));
    }

    static JobIds submit(LocalFlinkCluster cluster, Graphs graphs) throws Exception {
        return new JobIds(cluster.submit(graphs.source()), cluster.submit(graphs.sink()));
    }

    static StreamExecutionEnvironment sourceJob(SourceConfig config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CdcSourceTopology.build(env, config);
        return env;
    }

    static StreamExecutionEnvironment sinkJob(SinkConfig config) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        RedshiftSinkTopology.build(env, config);
        return env;
    }

    static JobGraph graph(StreamExecutionEnvironment env, String name) {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(name);
        return graph.getJobGraph();
    }

    /**
     * The slots one job takes on a cluster: per slot sharing group, its widest vertex (the subtasks
     * of a group share slots), summed over the groups. A vertex left at the default parallelism
     * counts as 1, the local cluster's {@code parallelism.default}.
     */
    static int slotsOf(JobGraph job) {
        Map<SlotSharingGroup, Integer> widest = new IdentityHashMap<>();
        int ungrouped = 0;
        for (JobVertex v : job.getVertices()) {
            int parallelism = Math.max(1, v.getParallelism());
            if (v.getSlotSharingGroup() == null) {
                ungrouped += parallelism;
            } else {
                widest.merge(v.getSlotSharingGroup(), parallelism, Math::max);
            }
        }
        return ungrouped + widest.values().stream().mapToInt(Integer::intValue).sum();
    }
}
