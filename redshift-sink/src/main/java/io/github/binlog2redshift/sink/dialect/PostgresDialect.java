package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.identList;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.internal.SqlText;
import java.util.List;

/**
 * PostgreSQL (15+). Keys are enforced; staged files are streamed to the server with {@code COPY ...
 * FROM STDIN} in CSV form, which handles commas, quotes, newlines and backslashes (the text form
 * would mangle backslashes in JSON).
 */
public final class PostgresDialect implements SqlDialect {

    private static final long serialVersionUID = 1L;

    /**
     * PostgreSQL's identifier limit in bytes: NAMEDATALEN - 1 ("The system uses no more than
     * NAMEDATALEN-1 bytes of an identifier; longer names can be written in commands, but they will
     * be truncated", https://www.postgresql.org/docs/current/sql-syntax-lexical.html).
     */
    public static final int MAX_IDENTIFIER_BYTES = 63;

    @Override
    public String columnType(ColumnDef column) {
        return PostgresTypes.of(column);
    }

    /**
     * The name as written (PostgreSQL keeps the case of quoted names), but at most 63 bytes less
     * what the sink appends to derive other names ({@link NameKind#reservedBytes}), cut by {@link
     * NameLimit} like Redshift's 127: the server would truncate a longer name silently, so two
     * names sharing 63 bytes, or a table and its {@code _b2r_deleted} side table, would be one.
     */
    @Override
    public String storedName(String name, NameKind kind) {
        return NameLimit.fit(name, MAX_IDENTIFIER_BYTES - kind.reservedBytes());
    }

    /**
     * VARCHAR(n) holds n characters ("character varying(n) ... can store strings up to n characters
     * (not bytes) in length", PostgreSQL character types); a longer value fails the load. TEXT,
     * BYTEA and JSONB have no limit below what an event can carry.
     */
    @Override
    public long maxValueChars(ColumnDef column) {
        ColumnType t = ColumnType.parse(columnType(column));
        return t.family() == ColumnType.Family.TEXT && t.size() != null ? t.size() : Long.MAX_VALUE;
    }

    @Override
    public String createTable(TableShape shape, TableMode mode) {
        return TableStatements.createTarget(shape, mode, this::columnType, "");
    }

    @Override
    public String createTombstoneTable(TableShape shape, TableMode mode) {
        return TableStatements.createTombstones(shape, this::columnType, "");
    }

    @Override
    public String createArchiveTable(TableShape shape, TableMode mode) {
        return TableStatements.createArchive(shape, this::columnType, "");
    }

    @Override
    public String createHistoryTable(TableShape shape, TableMode mode) {
        return TableStatements.createHistory(shape, this::columnType, "");
    }

    @Override
    public String unboundedText() {
        return "TEXT";
    }

    @Override
    public String decimalType(int precision, int scale) {
        return "NUMERIC(" + precision + "," + scale + ")";
    }

    /** PostgreSQL's NUMERIC limit. */
    @Override
    public int maxDecimalPrecision() {
        return 1000;
    }

    /** PostgreSQL changes any type in place, in a transaction, converting through USING. */
    @Override
    public boolean altersTypeInPlace(ColumnType from, ColumnType to) {
        return true;
    }

    @Override
    public boolean changesKeyColumnTypes() {
        return true;
    }

    @Override
    public String alterColumnType(TargetTable table, String column, String type) {
        return "ALTER TABLE "
                + SqlText.table(table)
                + " ALTER COLUMN "
                + ident(column)
                + " TYPE "
                + type
                + " USING "
                + ident(column)
                + "::"
                + type;
    }

    @Override
    public String currentTimestamp() {
        return "now()";
    }

    @Override
    public String binaryPrefix() {
        return "\\x";
    }

    /** None: COPY reads {@code "\x"} as an empty BYTEA and {@code \N} as NULL. */
    @Override
    public String binaryMarker() {
        return "";
    }

    /** The first key of the sink's advisory locks ("b2r" in ASCII), apart from other users'. */
    private static final int ADVISORY_LOCK_CLASS = 0x623272;

    /**
     * A lock on the table's name until the transaction ends ({@code pg_advisory_xact_lock},
     * https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS): commits of the
     * table and its TRUNCATE or DROP ({@code jdbc.TableLevelDdl}) wait for each other. Row locks
     * order two merges of one key, but not a TRUNCATE's DELETE and another subtask's insert of rows
     * of earlier changes, which could land just after the DELETE and stay. Two names with one
     * {@code hashtext} only wait for each other.
     */
    @Override
    public String lockForCommit(TargetTable table) {
        return "SELECT pg_advisory_xact_lock("
                + ADVISORY_LOCK_CLASS
                + ", hashtext("
                + SqlText.literal(SqlText.table(table))
                + "))";
    }

    /** The COPY that CopyManager feeds with the staged CSV. */
    public String copyFromStdin(List<String> stagedColumns) {
        return "COPY "
                + ident(ReservedNames.STAGE_TABLE)
                + " ("
                + identList(stagedColumns)
                + ") FROM STDIN WITH (FORMAT csv, NULL '\\N')";
    }
}
