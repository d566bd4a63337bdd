package org.apache.flink.cdc.connectors.mysql.debezium.reader;

import java.lang.reflect.Field;
import org.apache.flink.cdc.connectors.mysql.debezium.task.context.StatefulTaskContext;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfig;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSplit;
import org.apache.flink.cdc.connectors.mysql.source.utils.hooks.SnapshotPhaseHooks;

/**
 * A {@link SnapshotSplitReader} that can read more than one snapshot chunk. Workaround for Flink
 * CDC 3.5.0 (FLINK-39207, fixed upstream later): the reader keeps one {@link
 * StoppableChangeEventSourceContext} for its whole life, the first chunk's backfill (or the task
 * stop when no backfill is needed) stops it, and nothing starts it again; a second chunk given to
 * the same reader then never reads its backfill, never gets its BINLOG_END watermark, and {@code
 * pollWithBuffer} waits forever. {@code MySqlSplitReader} hands several chunks to one reader when
 * it has more than one queued (after a restore with unfinished chunks in state).
 *
 * <p>Before each split this sets the context running again, on the reader's executor (see {@link
 * #submitSplit}). The context has no public method for that, so its private {@code isRunning} flag
 * is set reflectively; the fields are looked up when the class is loaded and a missing one fails
 * with an error naming it. Remove this class (and {@code RestartingMySqlSplitReader}) when Flink
 * CDC is upgraded to a release with FLINK-39207.
 */
public class RestartingSnapshotSplitReader extends SnapshotSplitReader {

    private static final Field CONTEXT =
            field(SnapshotSplitReader.class, "changeEventSourceContext");
    private static final Field RUNNING =
            field(StoppableChangeEventSourceContext.class, "isRunning");

    public RestartingSnapshotSplitReader(
            MySqlSourceConfig sourceConfig, int subtaskId, SnapshotPhaseHooks hooks) {
        super(sourceConfig, subtaskId, hooks);
    }

    public RestartingSnapshotSplitReader(StatefulTaskContext context, int subtaskId) {
        super(context, subtaskId);
    }

    /**
     * Reads {@code split} with the reader's change-event-source context running again. The restart
     * is queued on the reader's single-thread executor, ahead of the split's task: it runs after
     * the previous split's task has ended, not when the caller sees that split's end. The previous
     * backfill sends its BINLOG_END watermark before it stops the context and only returns once it
     * sees it stopped, so restarting it on the caller's thread could be undone by that stop, or
     * keep the previous backfill (and so the executor) running for ever.
     */
    @Override
    public void submitSplit(MySqlSplit split) {
        getExecutorService().execute(this::restartContext);
        super.submitSplit(split);
    }

    private void restartContext() {
        try {
            RUNNING.setBoolean(CONTEXT.get(this), true);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot restart the snapshot reader's context", e);
        }
    }

    /** Whether the reader's context is running (for tests). */
    boolean isContextRunning() throws IllegalAccessException {
        return RUNNING.getBoolean(CONTEXT.get(this));
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException(
                    "Flink CDC's "
                            + owner.getName()
                            + " has no field "
                            + name
                            + ": the FLINK-39207 workaround RestartingSnapshotSplitReader was"
                            + " written for Flink CDC 3.5.0; remove it if the upgraded Flink CDC"
                            + " has the fix",
                    e);
        }
    }
}
