package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;

/**
 * The commit ledger: one row per applied committable, written in the same transaction as the merge,
 * so "applied" and "recorded" cannot disagree. Its key includes the committable's staging id
 * (unique per writer file set) next to the checkpoint id, so a committable replayed after a
 * failover is recognised, while a job restored from an older checkpoint (which reuses checkpoint
 * ids for new files) is not mistaken for a replay.
 *
 * <p>Redshift does not enforce primary keys; there a concurrent double apply is prevented by
 * serializable isolation (one of two transactions that read and write the ledger aborts with error
 * 1023 and, retried, finds the row).
 */
final class LedgerStatements {

    private LedgerStatements() {}

    static String create(String schema) {
        return "CREATE TABLE IF NOT EXISTS "
                + ledger(schema)
                + " (\"job_id\" VARCHAR(256) NOT NULL, \"target_table\" VARCHAR(1024) NOT NULL,"
                + " \"checkpoint_id\" BIGINT NOT NULL, \"staging_id\" VARCHAR(64) NOT NULL,"
                + " \"subtask\" INTEGER NOT NULL, \"max_source_position\" VARCHAR(40),"
                + " \"rows_staged\" BIGINT NOT NULL, \"rows_applied\" BIGINT NOT NULL,"
                + " \"committed_at\" TIMESTAMPTZ NOT NULL,"
                + " PRIMARY KEY (\"job_id\", \"target_table\", \"checkpoint_id\", \"staging_id\"))";
    }

    static String lookup(String schema) {
        return "SELECT \"rows_applied\" FROM "
                + ledger(schema)
                + " WHERE \"job_id\" = ? AND \"target_table\" = ? AND \"checkpoint_id\" = ?"
                + " AND \"staging_id\" = ?";
    }

    static String insert(String schema, String now) {
        return "INSERT INTO "
                + ledger(schema)
                + " (\"job_id\", \"target_table\", \"checkpoint_id\", \"staging_id\", \"subtask\","
                + " \"max_source_position\", \"rows_staged\", \"rows_applied\", \"committed_at\")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + now
                + ")";
    }

    private static String ledger(String schema) {
        return ident(schema) + "." + ident(ReservedNames.LEDGER_TABLE);
    }
}
