package io.github.binlog2redshift.sink.dialect;

/**
 * Names the apply adds to the warehouse next to the replicated columns. They start with {@code
 * _b2r_} so they cannot clash with a MySQL column in practice, and they are documented in {@code
 * docs/apply.md} so that users can query them.
 */
public final class ReservedNames {

    /**
     * {@link io.github.binlog2redshift.event.SourcePosition#sortKey()} of the change that wrote the
     * row: plain string comparison orders it on both warehouses.
     */
    public static final String POSITION = "_b2r_pos";

    /** The source's commit time of that change (UTC). */
    public static final String SOURCE_TS = "_b2r_ts";

    /** Staging only: the change's operation code ({@code r}, {@code c}, {@code u}, {@code d}). */
    public static final String OP = "_b2r_op";

    /**
     * Stage column and staged field: the number of the column set a row of a partial row image
     * lacks (see {@code TableCommittable#partialColumns()}); NULL for full rows.
     */
    public static final String ABSENT = "_b2r_absent";

    /**
     * Staging only: the op code of the row an UPDATE of a mirrored table without a key replaces
     * (its before image), staged just before the update's own row.
     */
    public static final String REPLACED_OP = "b";

    /** The session's staging table; one at a time per connection, dropped by every plan. */
    public static final String STAGE_TABLE = "_b2r_stage";

    /** The commit ledger, one per target schema. */
    public static final String LEDGER_TABLE = "_b2r_commit_ledger";

    /** Table-level DDL applied (TRUNCATE, DROP TABLE), one row per table and source position. */
    public static final String SCHEMA_LOG_TABLE = "_b2r_schema_log";

    /**
     * Suffix of a table's own commit ledger (Redshift): read and written by its commits only, and
     * locked first by each, so commits of different tables share no table they read.
     */
    public static final String LEDGER_SUFFIX = "_b2r_ledger";

    /** Suffix of a table's tombstones (keys deleted at a source position). */
    public static final String TOMBSTONE_SUFFIX = "_b2r_deleted";

    /**
     * Suffix of a keyless mirror's applied horizon: the position of the newest binlog change the
     * mirror applied, so a re-delivered older one is skipped ({@code ReplayGuard}). As long as
     * {@link #TOMBSTONE_SUFFIX}, which {@link NameKind#TABLE} keeps room for.
     */
    public static final String APPLIED_SUFFIX = "_b2r_applied";

    /**
     * Suffix of a table's snapshot chunk ranges ({@code ChunkRangeStatements}): key ranges a
     * snapshot chunk read stated whole at a position, so older rows staged in them are dropped. As
     * long as {@link #TOMBSTONE_SUFFIX} at most.
     */
    public static final String RANGES_SUFFIX = "_b2r_ranges";

    /** Soft-delete tables: true when the row was deleted at the source. */
    public static final String DELETED = "_b2r_deleted";

    /** Soft-delete tables and delete archives: the source commit time of the delete. */
    public static final String DELETED_AT = "_b2r_deleted_at";

    /** Rows whose values were cut to fit (opt-in): the names of the cut columns. */
    public static final String TRUNCATED = "_b2r_truncated";

    /** Suffix of a table's delete archive ({@code save_delete}, {@code only_save_delete}). */
    public static final String ARCHIVE_SUFFIX = "_delete";

    /** Suffix of a table's change history ({@code history}). */
    public static final String HISTORY_SUFFIX = "_history";

    /** Suffix of the temporary column a Redshift type change copies into. */
    public static final String RETYPE_SUFFIX = "__b2r_new";

    /** Width of {@link #POSITION}: 12 + 1 + 20 + 1 + 6 characters. */
    public static final int POSITION_WIDTH = 40;

    private ReservedNames() {}
}
