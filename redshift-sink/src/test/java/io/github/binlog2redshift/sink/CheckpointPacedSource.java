package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;

/**
 * Emits {@link #BATCHES} batches of staged changes, each only after the checkpoint whose barrier
 * followed the previous batch completed, so every batch falls into its own checkpoint interval (the
 * ingest side's guarantee: one change per key per interval).
 *
 * <p>Waiting for "any checkpoint completed since the batch" is not enough: a checkpoint whose
 * barrier left before the batch can complete after it, and the next batch then shares the batch's
 * interval (two changes of one key in one staged file, a duplicate-key insert).
 */
@SuppressWarnings("deprecation")
final class CheckpointPacedSource
        implements SourceFunction<StagedChange>, CheckpointListener, CheckpointedFunction {

    static final int BATCHES = 3;
    static final List<ColumnDef> COLS =
            List.of(
                    ColumnDef.of("id", "INT", null, null, false),
                    ColumnDef.of("note", "VARCHAR", 20, null, true));
    static final TargetTable ORDERS = new TargetTable("shop", "orders");
    static final TargetTable ITEMS = new TargetTable("shop", "items");

    private volatile boolean running = true;
    private volatile boolean batchPending;
    private volatile long barrierAfterBatch;
    private volatile long lastCompleted = -1;

    @Override
    public void run(SourceContext<StagedChange> ctx) throws Exception {
        for (int b = 0; b < BATCHES && running; b++) {
            synchronized (ctx.getCheckpointLock()) {
                for (StagedChange c : batch(b)) {
                    ctx.collect(c);
                }
                barrierAfterBatch = Long.MAX_VALUE;
                batchPending = true;
            }
            while (running && lastCompleted < barrierAfterBatch) {
                Thread.sleep(20);
            }
        }
    }

    /** Runs under the checkpoint lock, so its barrier follows every record emitted before. */
    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        if (batchPending) {
            batchPending = false;
            barrierAfterBatch = context.getCheckpointId();
        }
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {}

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        lastCompleted = Math.max(lastCompleted, checkpointId);
    }

    @Override
    public void cancel() {
        running = false;
    }

    static List<StagedChange> batch(int b) {
        List<StagedChange> out = new ArrayList<>();
        switch (b) {
            case 0 -> {
                for (int id = 1; id <= 5; id++) {
                    out.add(upsert(ORDERS, b, id, "v0"));
                }
                for (int id = 1; id <= 3; id++) {
                    out.add(upsert(ITEMS, b, id, "item"));
                }
            }
            case 1 -> {
                out.add(upsert(ORDERS, b, 1, "v1"));
                out.add(upsert(ORDERS, b, 2, "v1, \"quoted\"\nline"));
                out.add(delete(ORDERS, b, 3));
                out.add(upsert(ORDERS, b, 6, "v1"));
                out.add(delete(ITEMS, b, 1));
            }
            default -> {
                out.add(upsert(ORDERS, b, 3, "back"));
                out.add(upsert(ORDERS, b, 6, "v2"));
            }
        }
        return out;
    }

    private static SourcePosition pos(int batch, int id) {
        return SourcePosition.binlog(
                1,
                "mysql-bin.000001",
                1000L * (batch + 1) + id,
                0,
                null,
                false,
                1_700_000_000_000L + batch);
    }

    private static Map<String, Object> row(int id, String note) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", (long) id);
        m.put("note", note);
        return m;
    }

    private static StagedChange upsert(TargetTable t, int batch, int id, String note) {
        TableId src = TableId.of(t.schema(), t.name());
        return new StagedChange(
                t,
                ChangeEvent.update(
                        src, null, row(id, note), pos(batch, id), 0, List.of("id"), COLS));
    }

    private static StagedChange delete(TargetTable t, int batch, int id) {
        TableId src = TableId.of(t.schema(), t.name());
        return new StagedChange(
                t,
                ChangeEvent.delete(src, row(id, "gone"), pos(batch, id), 0, List.of("id"), COLS));
    }
}
