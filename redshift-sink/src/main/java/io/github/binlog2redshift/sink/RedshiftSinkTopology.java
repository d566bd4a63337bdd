package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.config.pipeline.FlinkEnvironment;
import io.github.binlog2redshift.config.sink.SinkConfig;
import io.github.binlog2redshift.sink.ingest.IngestStreams;
import io.github.binlog2redshift.sink.ingest.SinkIngestTopology;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Job 2's graph: {@link SinkIngestTopology} (Kafka, parse, route, latest change per key) feeding
 * {@link WarehouseSink} (stage to S3 at each checkpoint, apply when it completes). Tests build it
 * with their own environment; {@link RedshiftSinkJob} runs it.
 */
public final class RedshiftSinkTopology {

    private RedshiftSinkTopology() {}

    /** Configures {@code env} from {@code pipeline.*} and adds the whole job to it. */
    public static IngestStreams build(StreamExecutionEnvironment env, SinkConfig config) {
        FlinkEnvironment.configure(env, config.pipeline());
        IngestStreams streams = SinkIngestTopology.build(env, config);
        WarehouseSink.attach(streams.changes(), WarehouseSink.fromConfig(config));
        return streams;
    }
}
