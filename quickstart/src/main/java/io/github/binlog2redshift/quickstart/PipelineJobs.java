package io.github.binlog2redshift.quickstart;

import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.sink.RedshiftSinkTopology;
import io.github.binlog2redshift.source.CdcSourceTopology;
import io.github.binlog2redshift.source.SourcePreflight;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Builds both jobs exactly as their {@code main} methods do and submits them to the local cluster:
 * cdc-source from {@link CdcSourceTopology}, redshift-sink from {@link RedshiftSinkTopology}.
 */
final class PipelineJobs {

    /** The Flink job ids, for the REST API. */
    record JobIds(String source, String sink) {}

    private PipelineJobs() {}

    static JobIds submit(LocalFlinkCluster cluster, Pipeline pipeline) throws Exception {
        // The same checks as the source job's main: binlog format, row image, privileges.
        SourcePreflight.check(pipeline.source());
        String source =
                cluster.submit(
                        sourceJob(pipeline.source()), pipeline.source().pipeline().jobName());
        String sink =
                cluster.submit(sinkJob(pipeline.sink()), pipeline.sink().pipeline().jobName());
        return new JobIds(source, sink);
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
}
