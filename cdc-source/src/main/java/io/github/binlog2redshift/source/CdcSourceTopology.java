package io.github.binlog2redshift.source;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.pipeline.FlinkEnvironment;
import io.github.binlog2redshift.config.source.DeliveryGuarantee;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.source.kafka.ChangeEventKafkaSink;
import io.github.binlog2redshift.source.kafka.KafkaEvent;
import io.github.binlog2redshift.source.kafka.KafkaPartitionCounts;
import io.github.binlog2redshift.source.kafka.PartitionCounts;
import io.github.binlog2redshift.source.kafka.TopicSelector;
import io.github.binlog2redshift.source.kafka.TransactionTimeoutGuard;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    public static final String GUARD_UID = TransactionTimeoutGuard.UID;

    private static final Logger LOG = LoggerFactory.getLogger(CdcSourceTopology.class);

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
        // Before anything else touches MySQL or Kafka: a bad timeout is a configuration error.
        TransactionTimeoutGuard guard = guard(env, config);
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
                                        TopicSelector.from(config.kafka()),
                                        partitionCounts,
                                        UncapturableTables.of(config)))
                        .name(ROUTER_UID)
                        .uid(ROUTER_UID)
                        .setParallelism(parallelism);
        routed.forward()
                .transform(GUARD_UID, routed.getType(), guard)
                .uid(GUARD_UID)
                .setParallelism(parallelism)
                .forward()
                .sinkTo(ChangeEventKafkaSink.build(config.kafka()))
                .name(SINK_UID)
                .uid(SINK_UID)
                .setParallelism(parallelism);
    }

    /**
     * The guard against restoring expired Kafka transactions, and the start-time report of the
     * outage after which EXACTLY_ONCE loses data: the last checkpoint's transaction began up to one
     * checkpoint interval before the checkpoint, and the broker aborts it {@code
     * transaction.timeout.ms} after it began.
     */
    static TransactionTimeoutGuard guard(StreamExecutionEnvironment env, SourceConfig config) {
        Duration timeout =
                ChangeEventKafkaSink.transactionTimeout(
                        ChangeEventKafkaSink.producerProperties(config.kafka()));
        if (config.kafka().deliveryGuarantee() != DeliveryGuarantee.EXACTLY_ONCE) {
            return new TransactionTimeoutGuard(
                    timeout, TransactionTimeoutGuard.OnExpired.IGNORE, Clock.systemUTC());
        }
        Duration interval = Duration.ofMillis(env.getCheckpointConfig().getCheckpointInterval());
        if (interval.compareTo(timeout) >= 0) {
            throw new ConfigException(
                    "The checkpoint interval "
                            + interval
                            + " must be shorter than the Kafka transaction timeout "
                            + timeout
                            + " (kafka.properties.transaction.timeout.ms) with EXACTLY_ONCE: every"
                            + " transaction would be aborted before its checkpoint commits it");
        }
        LOG.warn(
                "EXACTLY_ONCE: Kafka aborts a pre-committed transaction {} after it began"
                        + " (transaction.timeout.ms); a job down for longer than {} (that minus"
                        + " the checkpoint interval {}) loses the changes of its last checkpoint,"
                        + " and restoring a checkpoint older than {} fails unless"
                        + " source.allow-expired-transactions=true (docs/cdc-source.md)",
                timeout,
                timeout.minus(interval),
                interval,
                timeout);
        return new TransactionTimeoutGuard(
                timeout,
                config.allowExpiredTransactions()
                        ? TransactionTimeoutGuard.OnExpired.WARN
                        : TransactionTimeoutGuard.OnExpired.REFUSE,
                Clock.systemUTC());
    }
}
