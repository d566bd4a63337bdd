package io.github.binlog2redshift.source.debezium;

import java.util.Map;
import org.apache.flink.runtime.throwable.ThrowableAnnotation;
import org.apache.flink.runtime.throwable.ThrowableType;

/**
 * A binlog row of a captured table has fewer columns than the table schema the reader holds
 * (Debezium: "Data row is smaller than a column index"): a column was added (or dropped) between
 * the binlog position being read and the moment that schema was taken. Flink CDC 3.5 takes it from
 * the live database when a binlog split starts without schemas in its state (the first start of the
 * binlog reader, or a restore to a checkpoint taken before it ran); a restart reads the same schema
 * again (live or restored) at the same restored position and fails again, for ever.
 *
 * <p>Marked {@link ThrowableType#NonRecoverableError}: Flink's scheduler finds the mark anywhere in
 * a failure's cause chain and fails the job instead of restarting it, so the operator sees this one
 * message instead of an endless restart loop. Recovery is a new snapshot of the table.
 */
@ThrowableAnnotation(ThrowableType.NonRecoverableError)
public final class StaleTableSchemaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Debezium 1.9's message ({@code TableSchemaBuilder.validateIncomingRowToInternalMetadata}).
     */
    static final String DEBEZIUM_MESSAGE = "Data row is smaller than a column index";

    StaleTableSchemaException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * {@code failure} as a {@link StaleTableSchemaException} naming {@code table} and the binlog
     * {@code offset} when it is Debezium's out-of-sync error, else {@code failure} unchanged.
     */
    public static RuntimeException of(
            Object table, Map<String, ?> offset, RuntimeException failure) {
        if (failure instanceof StaleTableSchemaException || !isOutOfSync(failure)) {
            return failure;
        }
        return new StaleTableSchemaException(message(table, offset), failure);
    }

    static boolean isOutOfSync(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = t.getMessage();
            if (text != null && text.contains(DEBEZIUM_MESSAGE)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static String message(Object table, Map<String, ?> offset) {
        String position =
                offset == null
                        ? "unknown"
                        : offset.get("file")
                                + ":"
                                + offset.get("pos")
                                + " (row "
                                + offset.get("row")
                                + ")";
        return "Table "
                + table
                + ": a binlog row at "
                + position
                + " has fewer columns than the table schema cdc-source holds, so a column of the table"
                + " changed (ALTER TABLE) after that position and before the schema was read."
                + " Flink CDC 3.5 reads the schema from the live database when its binlog reader starts"
                + " without one in its state: a column change during the snapshot, or before the first"
                + " checkpoint taken with the binlog reader running (e.g. a restore to an older"
                + " checkpoint), leads here. Restarting cannot fix it, so the job fails instead of"
                + " restarting. Recover by reading the table again: see docs/cdc-source.md, 'Schema"
                + " changes before the first binlog checkpoint' and 'Re-syncing a table'.";
    }
}
