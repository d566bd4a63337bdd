package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.Objects;

/**
 * The quarantine's two tables in the control schema ({@code sink.redshift.schema}), and the
 * statements the committer runs on them. {@code _b2r_quarantine}: one row per quarantined table of
 * a job (the reason, the checkpoint it stopped at, which subtask stopped it); deleting it is the
 * operator's resume. {@code _b2r_quarantine_kept}: the committables kept behind a quarantined
 * table, in their serialized form ({@code TableCommittableSerializer}, base64, in parts that fit
 * Redshift's VARCHAR(65535)), until they are replayed. Tables are named as the commit ledger names
 * them ({@code schema.table}, the warehouse's names).
 */
public final class QuarantineStatements {

    /** The quarantined tables, one row each (more when two subtasks stopped it at once). */
    public static final String QUARANTINE_TABLE = "_b2r_quarantine";

    /** The committables kept behind them. */
    public static final String KEPT_TABLE = "_b2r_quarantine_kept";

    /** Characters of base64 per row of {@link #KEPT_TABLE}: within VARCHAR(65535) bytes. */
    public static final int PART_CHARS = 60_000;

    private final SqlDialect dialect;
    private final TargetTable quarantine;
    private final TargetTable kept;

    public QuarantineStatements(SqlDialect dialect, String controlSchema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        String schema = dialect.storedName(controlSchema, NameKind.SCHEMA);
        this.quarantine = new TargetTable(schema, QUARANTINE_TABLE);
        this.kept = new TargetTable(schema, KEPT_TABLE);
    }

    public TargetTable quarantineTable() {
        return quarantine;
    }

    public TargetTable keptTable() {
        return kept;
    }

    public String createQuarantine() {
        return "CREATE TABLE IF NOT EXISTS "
                + table(quarantine)
                + " (\"job_id\" VARCHAR(256) NOT NULL, \"target_table\" VARCHAR(1024) NOT NULL,"
                + " \"since_checkpoint\" BIGINT NOT NULL, \"subtask\" INTEGER NOT NULL,"
                + " \"reason\" "
                + dialect.unboundedText()
                + " NOT NULL, \"quarantined_at\" TIMESTAMPTZ NOT NULL)";
    }

    public String createKept() {
        return "CREATE TABLE IF NOT EXISTS "
                + table(kept)
                + " (\"job_id\" VARCHAR(256) NOT NULL, \"target_table\" VARCHAR(1024) NOT NULL,"
                + " \"subtask\" INTEGER NOT NULL, \"checkpoint_id\" BIGINT NOT NULL,"
                + " \"staging_id\" VARCHAR(64) NOT NULL, \"rows_staged\" BIGINT NOT NULL,"
                + " \"format_version\" INTEGER NOT NULL, \"part\" INTEGER NOT NULL,"
                + " \"parts\" INTEGER NOT NULL, \"committable\" "
                + dialect.unboundedText()
                + " NOT NULL, \"kept_at\" TIMESTAMPTZ NOT NULL)";
    }

    /** The job's quarantined tables; binds job id. */
    public String selectQuarantined() {
        return "SELECT \"target_table\", \"since_checkpoint\", \"subtask\", \"reason\" FROM "
                + table(quarantine)
                + " WHERE \"job_id\" = ? ORDER BY \"target_table\", \"since_checkpoint\"";
    }

    /** Binds job id, target table. */
    public String countQuarantine() {
        return "SELECT count(*) FROM "
                + table(quarantine)
                + " WHERE \"job_id\" = ? AND \"target_table\" = ?";
    }

    /** Binds job id, target table, since checkpoint, subtask, reason. */
    public String insertQuarantine() {
        return "INSERT INTO "
                + table(quarantine)
                + " (\"job_id\", \"target_table\", \"since_checkpoint\", \"subtask\", \"reason\","
                + " \"quarantined_at\") VALUES (?, ?, ?, ?, ?, "
                + dialect.currentTimestamp()
                + ")";
    }

    /** Every kept committable of the job, one row each; binds job id. */
    public String selectKeptKeys() {
        return "SELECT \"target_table\", \"subtask\", \"checkpoint_id\", \"staging_id\","
                + " \"rows_staged\" FROM "
                + table(kept)
                + " WHERE \"job_id\" = ? AND \"part\" = 0"
                + " ORDER BY \"target_table\", \"checkpoint_id\", \"subtask\", \"staging_id\"";
    }

    /**
     * One kept committable's parts in order; binds job id, target table, checkpoint, staging id.
     */
    public String selectKept() {
        return "SELECT \"format_version\", \"part\", \"parts\", \"committable\" FROM "
                + table(kept)
                + " WHERE \"job_id\" = ? AND \"target_table\" = ? AND \"checkpoint_id\" = ?"
                + " AND \"staging_id\" = ? ORDER BY \"part\"";
    }

    /** Binds job id, target table, checkpoint id, staging id. */
    public String countKept() {
        return "SELECT count(*) FROM "
                + table(kept)
                + " WHERE \"job_id\" = ? AND \"target_table\" = ? AND \"checkpoint_id\" = ?"
                + " AND \"staging_id\" = ?";
    }

    /**
     * Binds job id, target table, subtask, checkpoint id, staging id, rows staged, format version,
     * part, parts, committable text.
     */
    public String insertKept() {
        return "INSERT INTO "
                + table(kept)
                + " (\"job_id\", \"target_table\", \"subtask\", \"checkpoint_id\", \"staging_id\","
                + " \"rows_staged\", \"format_version\", \"part\", \"parts\", \"committable\","
                + " \"kept_at\") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + dialect.currentTimestamp()
                + ")";
    }

    /** Binds job id, target table, checkpoint id, staging id. */
    public String deleteKept() {
        return "DELETE FROM "
                + table(kept)
                + " WHERE \"job_id\" = ? AND \"target_table\" = ? AND \"checkpoint_id\" = ?"
                + " AND \"staging_id\" = ?";
    }
}
