package org.apache.flink.cdc.connectors.mysql.source.reader;

import java.io.IOException;
import java.lang.reflect.Field;
import java.util.ArrayDeque;
import org.apache.flink.cdc.connectors.mysql.debezium.reader.RestartingSnapshotSplitReader;
import org.apache.flink.cdc.connectors.mysql.debezium.reader.SnapshotSplitReader;
import org.apache.flink.cdc.connectors.mysql.source.config.MySqlSourceConfig;
import org.apache.flink.cdc.connectors.mysql.source.split.SourceRecords;
import org.apache.flink.cdc.connectors.mysql.source.utils.hooks.SnapshotPhaseHooks;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MySqlSplitReader} whose snapshot chunks are read by a {@link
 * RestartingSnapshotSplitReader} (the FLINK-39207 workaround; see there). Flink CDC 3.5.0 creates
 * its {@code SnapshotSplitReader} in a private method, only when its private {@code
 * reusedSnapshotReader} field is null, and sets the field back to null when it closes the reader.
 * So before each fetch, if snapshot splits are queued and the field is null, this fills it with a
 * restarting reader (both fields are private, so reflectively). Remove with {@code
 * RestartingSnapshotSplitReader}.
 */
public class RestartingMySqlSplitReader extends MySqlSplitReader {

    private static final Logger LOG = LoggerFactory.getLogger(RestartingMySqlSplitReader.class);

    private static final Field REUSED_SNAPSHOT_READER =
            field("reusedSnapshotReader", SnapshotSplitReader.class);
    private static final Field SNAPSHOT_SPLITS = field("snapshotSplits", ArrayDeque.class);

    private final MySqlSourceConfig sourceConfig;
    private final int subtaskId;
    private final SnapshotPhaseHooks hooks;

    public RestartingMySqlSplitReader(
            MySqlSourceConfig sourceConfig,
            int subtaskId,
            MySqlSourceReaderContext context,
            SnapshotPhaseHooks hooks) {
        super(sourceConfig, subtaskId, context, hooks);
        this.sourceConfig = sourceConfig;
        this.subtaskId = subtaskId;
        this.hooks = hooks;
    }

    /**
     * Reads as {@link MySqlSplitReader#fetch()} does, after giving it a restarting snapshot reader
     * if it has snapshot splits queued and no snapshot reader (it reads them in this fetch or a
     * later one, always with the reader in the field).
     */
    @Override
    public RecordsWithSplitIds<SourceRecords> fetch() throws IOException {
        try {
            if (REUSED_SNAPSHOT_READER.get(this) == null
                    && !((ArrayDeque<?>) SNAPSHOT_SPLITS.get(this)).isEmpty()) {
                REUSED_SNAPSHOT_READER.set(
                        this, new RestartingSnapshotSplitReader(sourceConfig, subtaskId, hooks));
                LOG.info(
                        "Subtask {} reads snapshot chunks with RestartingSnapshotSplitReader"
                                + " (FLINK-39207 workaround)",
                        subtaskId);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot set MySqlSplitReader's snapshot reader", e);
        }
        return super.fetch();
    }

    private static Field field(String name, Class<?> type) {
        try {
            Field field = MySqlSplitReader.class.getDeclaredField(name);
            if (field.getType() != type) {
                throw new NoSuchFieldException(name + " of type " + field.getType());
            }
            field.setAccessible(true);
            return field;
        } catch (NoSuchFieldException | RuntimeException e) {
            throw new IllegalStateException(
                    "Flink CDC's MySqlSplitReader has no field "
                            + name
                            + " of type "
                            + type.getName()
                            + ": the"
                            + " FLINK-39207 workaround RestartingMySqlSplitReader was written for"
                            + " Flink CDC 3.5.0; remove it if the upgraded Flink CDC has the fix",
                    e);
        }
    }
}
