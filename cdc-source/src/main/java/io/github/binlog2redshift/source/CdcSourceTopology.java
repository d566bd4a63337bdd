package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.pipeline.FlinkEnvironment;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.source.kafka.ChangeEventKafkaSink;
import io.github.binlog2redshift.source.kafka.KafkaEvent;
import io.github.binlog2redshift.source.kafka.KafkaPartitionCounts;
import io.github.binlog2redshift.source.kafka.PartitionCounts;
import io.github.binlog2redshift.source.kafka.TopicSelector;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The cdc-source job graph: MySQL source -> router -> Kafka sink, all at one parallelism and
 * connected with forward partitioning. There is deliberately no rebalance or keyBy: the binlog is
 * read by one reader, and every change it reads must reach Kafka through the same producer to keep
 * per-key order (REFERENCE.md bug 1). Operator uids are part of the savepoint format: never change
 * them.
 */
public final class CdcSourceTopology {

    public static final String SOURCE_UID = "mysql-binlog-source";
    public static final String ROUTER_UID = "change-event-router";
    public static final String SINK_UID = "kafka-sink";

    private CdcSourceTopology() {}

    /**
     * Builds the graph with partition counts read from Kafka (see {@link KafkaPartitionCounts}).
     */
    public static void build(StreamExecutionEnvironment env, SourceConfig config) {
        build(
                env,
                config,
                new KafkaPartitionCounts(ChangeEventKafkaSink.producerProperties(config.kafka())));
    }

    public static void build(
            StreamExecutionEnvironment env, SourceConfig config, PartitionCounts partitionCounts) {
        FlinkEnvironment.configure(env, config.pipeline());
        int parallelism = config.sourceParallelism().orElse(env.getParallelism());
        DataStream<SourceChange> changes =
                env.fromSource(
                                MySqlSourceFactory.create(config),
                                WatermarkStrategy.noWatermarks(),
                                SOURCE_UID)
                        .uid(SOURCE_UID)
                        .setParallelism(parallelism);
        SingleOutputStreamOperator<KafkaEvent> routed =
                changes.forward()
                        .flatMap(
                                new ChangeEventRouter(
                                        TopicSelector.from(config.kafka()), partitionCounts))
                        .name(ROUTER_UID)
                        .uid(ROUTER_UID)
                        .setParallelism(parallelism);
        routed.forward()
                .sinkTo(ChangeEventKafkaSink.build(config.kafka()))
                .name(SINK_UID)
                .uid(SINK_UID)
                .setParallelism(parallelism);
    }
}
