package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.sink.TargetTable;
import javax.annotation.Nullable;

/**
 * The SQL text of the commit ledger ({@link LedgerStatements}) and of what keeps one table's
 * commits apart: where a commit looks itself up and records itself, and what it locks first. Part
 * of every {@link SqlDialect}; stateless like it, it returns statements and runs nothing.
 */
public interface LedgerDialect {

    /** The warehouse's "now" for {@code committed_at}. */
    String currentTimestamp();

    /** The schema's commit ledger: one row per applied committable of any of its tables. */
    default TargetTable ledgerTable(String schema) {
        return new TargetTable(schema, ReservedNames.LEDGER_TABLE);
    }

    /**
     * The ledger a commit of {@code table} looks itself up in and records itself in, inside its
     * transaction: the schema's ({@link #ledgerTable}), whose row locks keep PostgreSQL's
     * concurrent commits apart.
     */
    default TargetTable commitLedgerTable(TargetTable table) {
        return ledgerTable(table.schema());
    }

    /**
     * The first statement of every commit transaction of {@code table}, and of its TRUNCATE or
     * DROP, which makes them wait for each other; null when none is needed. It may return rows.
     */
    @Nullable
    default String lockForCommit(TargetTable table) {
        return null;
    }

    default String createLedger(TargetTable ledger) {
        return LedgerStatements.create(ledger);
    }

    /** Finds a ledger row; binds job id, target table, checkpoint id, staging id. */
    default String ledgerLookup(TargetTable ledger) {
        return LedgerStatements.lookup(ledger);
    }

    /**
     * Records a commit; binds job id, target table, checkpoint id, staging id, subtask, max source
     * position, rows staged, rows applied.
     */
    default String ledgerInsert(TargetTable ledger) {
        return LedgerStatements.insert(ledger, currentTimestamp());
    }

    /** {@link #createLedger(TargetTable)} of the schema's ledger. */
    default String createLedger(String schema) {
        return createLedger(ledgerTable(schema));
    }

    /** {@link #ledgerLookup(TargetTable)} in the schema's ledger. */
    default String ledgerLookup(String schema) {
        return ledgerLookup(ledgerTable(schema));
    }

    /** {@link #ledgerInsert(TargetTable)} into the schema's ledger. */
    default String ledgerInsert(String schema) {
        return ledgerInsert(ledgerTable(schema));
    }
}
