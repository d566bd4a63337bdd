package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.sink.TargetTable;

/**
 * The commit ledger: one row per applied committable, written in the same transaction as the merge,
 * so "applied" and "recorded" cannot disagree. Its key includes the committable's staging id
 * (unique per writer file set) next to the checkpoint id, so a committable replayed after a
 * failover is recognised, while a job restored from an older checkpoint (which reuses checkpoint
 * ids for new files) is not mistaken for a replay.
 *
 * <p>Each schema has one ({@code _b2r_commit_ledger}), the record of every commit. On Redshift a
 * commit does not read it inside its transaction: Redshift's serializable isolation works per
 * table, so two commits of different tables that both read and write one ledger abort one with
 * error 1023. There each table also has its own ({@code <table>_b2r_ledger}), which its commits
 * lock, read and write (see {@code SqlDialect#commitLedgerTable}).
 */
final class LedgerStatements {

    private LedgerStatements() {}

    static String create(TargetTable ledger) {
        return "CREATE TABLE IF NOT EXISTS "
                + table(ledger)
                + " (\"job_id\" VARCHAR(256) NOT NULL, \"target_table\" VARCHAR(1024) NOT NULL,"
                + " \"checkpoint_id\" BIGINT NOT NULL, \"staging_id\" VARCHAR(64) NOT NULL,"
                + " \"subtask\" INTEGER NOT NULL, \"max_source_position\" VARCHAR(40),"
                + " \"rows_staged\" BIGINT NOT NULL, \"rows_applied\" BIGINT NOT NULL,"
                + " \"committed_at\" TIMESTAMPTZ NOT NULL,"
                + " PRIMARY KEY (\"job_id\", \"target_table\", \"checkpoint_id\", \"staging_id\"))";
    }

    static String lookup(TargetTable ledger) {
        return "SELECT \"rows_applied\" FROM "
                + table(ledger)
                + " WHERE \"job_id\" = ? AND \"target_table\" = ? AND \"checkpoint_id\" = ?"
                + " AND \"staging_id\" = ?";
    }

    static String insert(TargetTable ledger, String now) {
        return "INSERT INTO "
                + table(ledger)
                + " (\"job_id\", \"target_table\", \"checkpoint_id\", \"staging_id\", \"subtask\","
                + " \"max_source_position\", \"rows_staged\", \"rows_applied\", \"committed_at\")"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + now
                + ")";
    }
}
