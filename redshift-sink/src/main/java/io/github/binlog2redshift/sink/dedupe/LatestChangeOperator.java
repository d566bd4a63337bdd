package io.github.binlog2redshift.sink.dedupe;

import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.route.ChangeRetention;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Keeps the latest change per key (see {@link io.github.binlog2redshift.sink.route.RowKeys}) for
 * one checkpoint interval and emits it, once, just before the checkpoint barrier: twenty updates of
 * a row in one interval become one staged change. Runs on a stream keyed by {@link
 * RoutedChange#key()}.
 *
 * <p>What downstream gets, per checkpoint N: every key changed since checkpoint N-1 exactly once,
 * with its newest change by {@link ChangeOrder}, all before barrier N, so the staging writer's
 * batch for checkpoint N is exactly that interval. Each subtask emits its schema changes before its
 * rows, each table's schema changes in source-position order; across subtasks there is no order
 * within a batch, so the apply side applies a batch's schema changes of a table before its rows.
 * This relies on aligned checkpoints (Flink's default): an unaligned barrier overtakes records,
 * which then count toward the next batch (still exactly once, but a row could precede its DDL).
 *
 * <p>A change with a partial after image (binlog_row_image MINIMAL or NOBLOB) replaces the held
 * change completed from it ({@link PartialImages}), so the staged change is a full row whenever the
 * interval saw one.
 *
 * <p>Changes marked {@link ChangeRetention#EVERY} (history tables, tables without a key) are not
 * collapsed: every one is buffered and emitted, per key in source order (see {@link
 * EveryChangeOrder}), and the merge picks the newest per key for the target itself.
 *
 * <p>State: the buffered change per key in a {@link ValueState} (or every change in a {@link
 * ListState}), serialized by {@link RoutedChange.Codec} (works with RocksDB, needs no heap); it is
 * emptied at every checkpoint, so it holds only keys changed in the current interval. Per table,
 * the last emitted schema change is kept for good, to drop the copies cdc-source writes to every
 * partition.
 */
public final class LatestChangeOperator extends AbstractStreamOperator<StagedChange>
        implements OneInputStreamOperator<RoutedChange, StagedChange> {

    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<RoutedChange> LATEST =
            new ValueStateDescriptor<>("latest-change", RoutedChange.typeInfo());
    static final ListStateDescriptor<RoutedChange> PENDING_DDL =
            new ListStateDescriptor<>("pending-schema-changes", RoutedChange.typeInfo());
    static final ValueStateDescriptor<RoutedChange> LAST_DDL =
            new ValueStateDescriptor<>("last-schema-change", RoutedChange.typeInfo());
    static final ListStateDescriptor<RoutedChange> EVERY =
            new ListStateDescriptor<>("every-change", RoutedChange.typeInfo());

    private transient ValueState<RoutedChange> latest;
    private transient ListState<RoutedChange> pendingDdl;
    private transient ValueState<RoutedChange> lastDdl;
    private transient ListState<RoutedChange> every;
    private transient Map<TargetTable, Counter> deduplicated;
    private transient Map<TargetTable, Counter> emitted;

    @Override
    public void open() throws Exception {
        super.open();
        latest = getRuntimeContext().getState(LATEST);
        pendingDdl = getRuntimeContext().getListState(PENDING_DDL);
        lastDdl = getRuntimeContext().getState(LAST_DDL);
        every = getRuntimeContext().getListState(EVERY);
        deduplicated = new HashMap<>();
        emitted = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<RoutedChange> element) throws Exception {
        RoutedChange change = element.getValue();
        if (change.event().op() == Op.SCHEMA_CHANGE) {
            bufferSchemaChange(change);
            return;
        }
        if (change.retention() == ChangeRetention.EVERY) {
            every.add(change);
            return;
        }
        RoutedChange held = latest.value();
        if (held != null) {
            counter(deduplicated, "eventsDeduplicated", change.target()).inc();
        }
        if (held == null) {
            latest.update(change);
        } else if (ChangeOrder.supersedes(change, held)) {
            latest.update(PartialImages.onto(change, held));
        }
    }

    private void bufferSchemaChange(RoutedChange change) throws Exception {
        if (SnapshotChunk.isChunk(change.event().ddl())) {
            bufferChunk(change);
            return;
        }
        RoutedChange seen = lastDdl.value();
        boolean copy = seen != null && ChangeOrder.isCopyOrOlder(change.event(), seen.event());
        for (RoutedChange pending : pendingDdl.get()) {
            // Each partition carries every DDL in order, so the first copy of an older DDL
            // always arrives before the first copy of a newer one: older means copy here too.
            copy |= ChangeOrder.isCopyOrOlder(change.event(), pending.event());
        }
        if (copy) {
            counter(deduplicated, "eventsDeduplicated", change.target()).inc();
        } else {
            pendingDdl.add(change);
        }
    }

    /**
     * A snapshot chunk's range: chunks read by different source subtasks reach a partition in no
     * position order, so an older one is no copy and must not be dropped, nor become the last
     * schema change. Copies within the interval are dropped here; a copy in a later interval
     * records the same range again (the apply is idempotent).
     */
    private void bufferChunk(RoutedChange change) throws Exception {
        for (RoutedChange pending : pendingDdl.get()) {
            if (pending.event().source().sortKey().equals(change.event().source().sortKey())
                    && pending.event().ddl().equals(change.event().ddl())) {
                counter(deduplicated, "eventsDeduplicated", change.target()).inc();
                return;
            }
        }
        pendingDdl.add(change);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void finish() throws Exception {
        // Bounded input (tests, stop-with-savepoint --drain): nothing may stay behind.
        flush();
        super.finish();
    }

    private void flush() throws Exception {
        getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        PENDING_DDL,
                        (key, state) -> {
                            List<RoutedChange> ddl = new ArrayList<>();
                            state.get().forEach(ddl::add);
                            ddl.sort(ChangeOrder.SCHEMA_CHANGES);
                            ddl.forEach(this::emit);
                            for (int i = ddl.size() - 1; i >= 0; i--) {
                                if (!SnapshotChunk.isChunk(ddl.get(i).event().ddl())) {
                                    lastDdl.update(ddl.get(i));
                                    break;
                                }
                            }
                            state.clear();
                        });
        getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        LATEST,
                        (key, state) -> {
                            emit(state.value());
                            state.clear();
                        });
        getKeyedStateBackend()
                .applyToAllKeys(
                        VoidNamespace.INSTANCE,
                        VoidNamespaceSerializer.INSTANCE,
                        EVERY,
                        (key, state) -> {
                            List<RoutedChange> all = new ArrayList<>();
                            state.get().forEach(all::add);
                            List<RoutedChange> kept = EveryChangeOrder.inSourceOrder(all);
                            if (kept.size() < all.size()) {
                                counter(deduplicated, "eventsDeduplicated", all.get(0).target())
                                        .inc(all.size() - kept.size());
                            }
                            kept.forEach(this::emit);
                            state.clear();
                        });
    }

    private void emit(RoutedChange change) {
        output.collect(new StreamRecord<>(new StagedChange(change.target(), change.event())));
        counter(emitted, "changesStaged", change.target()).inc();
    }

    private Counter counter(Map<TargetTable, Counter> counters, String name, TargetTable table) {
        return counters.computeIfAbsent(
                table, t -> getMetricGroup().addGroup("table", t.toString()).counter(name));
    }
}
