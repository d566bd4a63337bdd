package io.github.binlog2redshift.source;

import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.source.kafka.KafkaEvent;
import io.github.binlog2redshift.source.kafka.PartitionCounts;
import io.github.binlog2redshift.source.kafka.TopicSelector;
import io.github.binlog2redshift.source.metrics.SourceMetrics;
import javax.annotation.Nullable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.util.Collector;

/**
 * Chooses the topic of each change and counts it; chained to the source with forward partitioning
 * so one reader's changes reach Kafka through one producer, in binlog order.
 *
 * <p>A DDL event is written once to every partition of its topic: each partition may hold rows of
 * the table, and each must see the schema change between that table's older and newer rows. The
 * copies are identical (same source position), so the sink applies the first and drops the rest.
 * Dead letters go to the dead-letter topic, keyed by table.
 *
 * <p>The first subtask also runs the check for tables skipped for their names ({@link
 * UncapturableTables}), which has no other place in the job that sees the server.
 */
public final class ChangeEventRouter extends RichFlatMapFunction<SourceChange, KafkaEvent>
        implements ResultTypeQueryable<KafkaEvent> {

    private static final long serialVersionUID = 1L;

    private final TopicSelector topics;
    private final PartitionCounts partitionCounts;
    @Nullable private final UncapturableTables uncapturable;
    private transient SourceMetrics metrics;

    public ChangeEventRouter(TopicSelector topics, PartitionCounts partitionCounts) {
        this(topics, partitionCounts, null);
    }

    /** With {@code uncapturable} null, no subtask checks the server for skipped tables. */
    public ChangeEventRouter(
            TopicSelector topics,
            PartitionCounts partitionCounts,
            @Nullable UncapturableTables uncapturable) {
        this.topics = topics;
        this.partitionCounts = partitionCounts;
        this.uncapturable = uncapturable;
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = new SourceMetrics(getRuntimeContext().getMetricGroup());
        partitionCounts.open();
        if (uncapturable != null
                && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            uncapturable.open(getRuntimeContext().getMetricGroup());
        }
    }

    @Override
    public void flatMap(SourceChange change, Collector<KafkaEvent> out) {
        metrics.record(change);
        if (change.isDeadLetter()) {
            out.collect(KafkaEvent.byKey(topics.deadLetterTopic(), change.key(), change.value()));
            return;
        }
        String topic = topics.topicFor(change.database(), change.table());
        if (change.op() == Op.SCHEMA_CHANGE) {
            int partitions = partitionCounts.partitionsOf(topic);
            for (int p = 0; p < partitions; p++) {
                out.collect(new KafkaEvent(topic, change.key(), change.value(), p));
            }
            return;
        }
        out.collect(KafkaEvent.byKey(topic, change.key(), change.value()));
    }

    @Override
    public void close() {
        if (uncapturable != null) {
            uncapturable.close();
        }
        partitionCounts.close();
    }

    @Override
    public TypeInformation<KafkaEvent> getProducedType() {
        return KafkaEvent.typeInfo();
    }
}
