package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.sink.TargetTable;
import java.time.Duration;

/**
 * The SQL text that prunes the sink's side tables past the retention horizon (docs/apply.md,
 * "Retention and pruning"): ledger rows by their {@code committed_at}, schema-log rows by their
 * {@code applied_at}, tombstones by position, up to the highest position the pruned ledger rows
 * recorded. The horizon is compared with the warehouse's clock, which wrote those times.
 */
public interface RetentionDialect extends LedgerDialect {

    /**
     * The highest source position among a table's ledger rows older than {@code horizon} (NULL when
     * there are none); binds target table.
     */
    default String prunablePosition(TargetTable ledger, Duration horizon) {
        return "SELECT MAX(\"max_source_position\") FROM "
                + table(ledger)
                + " WHERE \"target_table\" = ? AND \"committed_at\" < "
                + before(horizon);
    }

    /** Deletes a table's ledger rows older than {@code horizon}; binds target table. */
    default String pruneLedger(TargetTable ledger, Duration horizon) {
        return "DELETE FROM "
                + table(ledger)
                + " WHERE \"target_table\" = ? AND \"committed_at\" < "
                + before(horizon);
    }

    /** Deletes tombstones at or before a position; binds the position. */
    default String pruneTombstones(TargetTable tombstones) {
        return "DELETE FROM "
                + table(tombstones)
                + " WHERE "
                + ident(ReservedNames.POSITION)
                + " <= ?";
    }

    /** Deletes a table's schema-log rows older than {@code horizon}; binds target table. */
    default String pruneSchemaLog(String schema, Duration horizon) {
        return "DELETE FROM "
                + ident(schema)
                + "."
                + ident(ReservedNames.SCHEMA_LOG_TABLE)
                + " WHERE \"target_table\" = ? AND \"applied_at\" < "
                + before(horizon);
    }

    /** The warehouse's now minus {@code horizon}, in whole seconds. */
    private String before(Duration horizon) {
        return currentTimestamp() + " - INTERVAL '" + horizon.getSeconds() + " seconds'";
    }
}
