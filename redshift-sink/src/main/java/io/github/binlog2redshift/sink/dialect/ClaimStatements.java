package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.Objects;

/**
 * The target claims table in the control schema ({@code sink.redshift.schema}): one row per
 * warehouse table name a source table claimed (its target and the side tables the sink derives from
 * it), with who claimed it. The first claim of a name stands; a second source table that would be
 * loaded into a claimed name is refused ({@code target_collision}). Deleting a name's rows hands it
 * over. Names are the warehouse's ({@code schema.table}, as the commit ledger writes them).
 */
public final class ClaimStatements {

    public static final String CLAIMS_TABLE = "_b2r_target_claims";

    private final SqlDialect dialect;
    private final TargetTable claims;

    public ClaimStatements(SqlDialect dialect, String controlSchema) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.claims =
                new TargetTable(dialect.storedName(controlSchema, NameKind.SCHEMA), CLAIMS_TABLE);
    }

    public TargetTable claimsTable() {
        return claims;
    }

    public String create() {
        return "CREATE TABLE IF NOT EXISTS "
                + table(claims)
                + " (\"target_table\" VARCHAR(1024) NOT NULL, \"role\" VARCHAR(32) NOT NULL,"
                + " \"claimant\" VARCHAR(1024) NOT NULL, \"source_table\" VARCHAR(1024) NOT NULL,"
                + " \"job_id\" VARCHAR(256) NOT NULL, \"claimed_at\" TIMESTAMPTZ NOT NULL)";
    }

    /** Every claim, the earliest of a name first (a name claimed twice keeps its first). */
    public String selectAll() {
        return "SELECT \"target_table\", \"role\", \"claimant\", \"source_table\" FROM "
                + table(claims)
                + " ORDER BY \"claimed_at\", \"target_table\"";
    }

    /** Taken before reading and writing claims: two claimers of one name wait for each other. */
    public String lock() {
        return dialect.lockTable(claims);
    }

    /** Binds target table, role, claimant, source table, job id. */
    public String insert() {
        return "INSERT INTO "
                + table(claims)
                + " (\"target_table\", \"role\", \"claimant\", \"source_table\", \"job_id\","
                + " \"claimed_at\") VALUES (?, ?, ?, ?, ?, "
                + dialect.currentTimestamp()
                + ")";
    }
}
