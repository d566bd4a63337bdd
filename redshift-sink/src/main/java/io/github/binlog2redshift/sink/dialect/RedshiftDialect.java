package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.internal.SqlText;
import java.util.List;
import java.util.Locale;

/**
 * Amazon Redshift. Primary keys are declared but informational (Redshift does not enforce them);
 * tables are distributed and sorted on the key. Staged files are loaded with COPY from S3 through a
 * manifest, so exactly the committed files are read (a prefix would also match leftovers of failed
 * attempts).
 */
public final class RedshiftDialect implements SqlDialect {

    private static final long serialVersionUID = 1L;

    /**
     * The NULL marker of staged CSV ({@code CsvLine.NULL}). Every non-NULL value is quoted, so an
     * empty string ({@code ""}) and NULL ({@code \N}) stay apart in CHAR/VARCHAR; EMPTYASNULL is
     * deliberately not used. An empty field of any other type loads as NULL: binary values, whose
     * hex can be empty, carry a marker byte ({@link BinaryMarker}). In the COPY statement it is
     * written {@code '\\N'}: see {@link
     * io.github.binlog2redshift.sink.dialect.internal.SqlText#escapedLiteral}.
     */
    public static final String NULL_MARKER = "\\N";

    @Override
    public String columnType(ColumnDef column) {
        return RedshiftTypes.of(column);
    }

    /** Folded to lower case and at most 127 bytes: see {@link RedshiftNames}. */
    @Override
    public String storedName(String name, NameKind kind) {
        return RedshiftNames.stored(name, kind);
    }

    @Override
    public String createTable(TableShape shape, TableMode mode) {
        return TableStatements.createTarget(
                shape, mode, this::columnType, TableStatements.redshiftLayout(shape.key(), mode));
    }

    @Override
    public String createTombstoneTable(TableShape shape, TableMode mode) {
        return TableStatements.createTombstones(
                shape,
                this::columnType,
                TableStatements.redshiftLayout(shape.key(), TableMode.defaults()));
    }

    @Override
    public String createArchiveTable(TableShape shape, TableMode mode) {
        return TableStatements.createArchive(
                shape, this::columnType, TableStatements.redshiftLayout(shape.key(), mode));
    }

    @Override
    public String createHistoryTable(TableShape shape, TableMode mode) {
        return TableStatements.createHistory(
                shape, this::columnType, TableStatements.redshiftLayout(shape.key(), mode));
    }

    /**
     * VARCHAR(n) holds n bytes and VARBYTE(n) n bytes (at most 65,535 and 16,777,216); SUPER holds
     * 16 MB per value (Redshift "SUPER type" limits). A longer value would fail the COPY or be cut
     * by TRUNCATECOLUMNS, so the ingest checks it first.
     */
    @Override
    public long maxValueBytes(ColumnDef column) {
        ColumnType t = ColumnType.parse(columnType(column));
        switch (t.family()) {
            case TEXT:
            case BINARY:
                return t.size() == null ? Long.MAX_VALUE : t.size();
            case JSON:
                return RedshiftTypes.MAX_SUPER_BYTES;
            default:
                return Long.MAX_VALUE;
        }
    }

    /**
     * "The maximum size of a single input row from any source is 4 MB" (COPY data sources,
     * https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-source.html); a longer
     * row fails the whole COPY, and so the commit, on every attempt. MB as Redshift's other limits
     * count it (SUPER's 16 MB is 16,777,216 bytes).
     */
    @Override
    public long maxRowBytes() {
        return RedshiftTypes.MAX_COPY_ROW_BYTES;
    }

    @Override
    public String unboundedText() {
        return "VARCHAR(" + RedshiftTypes.MAX_VARCHAR_BYTES + ")";
    }

    @Override
    public String decimalType(int precision, int scale) {
        return "DECIMAL(" + precision + "," + scale + ")";
    }

    @Override
    public int maxDecimalPrecision() {
        return RedshiftTypes.MAX_DECIMAL_PRECISION;
    }

    /**
     * Redshift's ALTER COLUMN TYPE only widens VARCHAR ("ALTER COLUMN column_name TYPE
     * updated_varchar_data_type_size", Redshift ALTER TABLE reference), and not inside a
     * transaction block; every other change (a CHAR column too) is made by copy.
     */
    @Override
    public boolean altersTypeInPlace(ColumnType from, ColumnType to) {
        return from.family() == ColumnType.Family.TEXT
                && to.family() == ColumnType.Family.TEXT
                && from.size() != null
                && to.size() != null
                && !isChar(from)
                && !isChar(to);
    }

    /**
     * The copy of a type change converts each value with a plain CAST except where Redshift's CAST
     * does not give the value's text:
     *
     * <ul>
     *   <li>SUPER to text: a cast reads only scalars (an object or array gives NULL);
     *       JSON_SERIALIZE writes any value as its JSON text
     *       (https://docs.aws.amazon.com/redshift/latest/dg/JSON_SERIALIZE.html). It turns SQL NULL
     *       into the text {@code null}, hence the CASE. A value whose text is longer than VARCHAR's
     *       65,535 bytes fails the change (JSON_SERIALIZE "returns an error when the JSON format
     *       exceeds the VARCHAR limit");
     *   <li>BOOLEAN to text: Redshift has no cast from BOOLEAN to a character type; the CASE writes
     *       {@code true}/{@code false}, as PostgreSQL's cast does.
     * </ul>
     *
     * The other conversions the sink makes by copy are documented casts: between numeric types
     * (integer widening, integer or decimal to a wider DECIMAL, REAL to DOUBLE PRECISION), numbers,
     * dates and timestamps to VARCHAR (CAST and CONVERT references), VARBYTE to a wider VARBYTE and
     * VARBYTE to VARCHAR, which reads the bytes as UTF-8 (VARBYTE type reference), as MySQL's own
     * VARBINARY-to-VARCHAR change does, and CHAR to VARCHAR.
     */
    @Override
    public ColumnRebuild rebuildColumn(
            TargetTable table, String column, ColumnType from, String type) {
        return ColumnStatements.rebuild(table, column, type, copyValue(column, from, type));
    }

    static String copyValue(String column, ColumnType from, String type) {
        boolean toText = ColumnType.parse(type).family() == ColumnType.Family.TEXT;
        if (toText && from.family() == ColumnType.Family.JSON) {
            return "CASE WHEN "
                    + ident(column)
                    + " IS NULL THEN NULL ELSE JSON_SERIALIZE("
                    + ident(column)
                    + ") END";
        }
        if (toText && from.family() == ColumnType.Family.BOOLEAN) {
            return "CASE WHEN "
                    + ident(column)
                    + " THEN 'true' WHEN NOT "
                    + ident(column)
                    + " THEN 'false' END";
        }
        return ColumnStatements.cast(column, type);
    }

    /** CHAR(n) (also {@code character(n)} as the catalog spells it): not a VARCHAR. */
    private static boolean isChar(ColumnType t) {
        String text = t.text().trim().toUpperCase(Locale.ROOT);
        int paren = text.indexOf('(');
        String base = (paren < 0 ? text : text.substring(0, paren)).trim();
        return base.equals("CHAR")
                || base.equals("CHARACTER")
                || base.equals("BPCHAR")
                || base.equals("NCHAR");
    }

    /**
     * Redshift cannot ALTER a PRIMARY KEY column's type, nor drop a DISTKEY or SORTKEY column,
     * which a change by copy needs.
     */
    @Override
    public boolean changesKeyColumnTypes() {
        return false;
    }

    /**
     * From SVV_REDSHIFT_COLUMNS, which has every column the user can access with its {@code
     * distkey} and {@code sortkey}
     * (https://docs.aws.amazon.com/redshift/latest/dg/r_SVV_REDSHIFT_COLUMNS.html); PG_TABLE_DEF
     * has them too but only for schemas on the search path.
     */
    @Override
    public String selectLayoutColumns() {
        return "SELECT column_name FROM svv_redshift_columns WHERE database_name = ?"
                + " AND schema_name = ? AND table_name = ? AND (distkey OR sortkey <> 0)";
    }

    @Override
    public String alterColumnType(TargetTable table, String column, String type) {
        return "ALTER TABLE "
                + SqlText.table(table)
                + " ALTER COLUMN "
                + ident(column)
                + " TYPE "
                + type;
    }

    /**
     * Each table's own ledger, {@code <table>_b2r_ledger}. Redshift's serializable isolation tracks
     * reads and writes per table
     * (https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation.html): commits of
     * different tables that all read and write the schema's ledger would abort each other with
     * error 1023. A commit reads and writes only its table's ledger (and appends to the schema's,
     * which no transaction reads), so commits of different tables share nothing they read.
     */
    @Override
    public TargetTable commitLedgerTable(TargetTable table) {
        return table.withSuffix(ReservedNames.LEDGER_SUFFIX);
    }

    /**
     * {@code LOCK} of the table's own ledger, first in the transaction: commits of one table (one
     * per sink subtask) then run one after the other instead of aborting each other, as the
     * troubleshooting page advises ("Force serialization by locking all tables in each session",
     * https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation-serializable-isolation-troubleshooting.html).
     * Only the ledger is locked, which nothing but the sink reads: queries of the target do not
     * wait, as they would for a LOCK of the target itself. Order: the ledger lock, then the table's
     * own tables, then the schema's ledger (an append) at the end; every commit takes them in that
     * order.
     */
    @Override
    public String lockForCommit(TargetTable table) {
        return "LOCK " + SqlText.table(commitLedgerTable(table));
    }

    /** Sorted on commit time, the order rows arrive in: see {@link RetentionDialect}. */
    @Override
    public String createLedger(TargetTable ledger) {
        return LedgerStatements.create(ledger) + " SORTKEY (\"committed_at\")";
    }

    @Override
    public String currentTimestamp() {
        return "GETDATE()";
    }

    /** The marker's hex: Redshift's COPY reads VARBYTE from CSV as bare hex. */
    @Override
    public String binaryPrefix() {
        return binaryMarker();
    }

    /** See {@link BinaryMarker}. */
    @Override
    public String binaryMarker() {
        return BinaryMarker.HEX;
    }

    /**
     * COPY of the staged files listed by {@code manifestUri} into the staging table. Contains
     * credentials when access keys are used: never log it. Every literal has its backslashes
     * escaped, as Redshift reads them ({@link
     * io.github.binlog2redshift.sink.dialect.internal.SqlText#escapedLiteral}).
     */
    public String copy(List<String> stagedColumns, String manifestUri, CopyOptions o) {
        return RedshiftCopy.statement(stagedColumns, manifestUri, o);
    }

    /** Rows loaded by the session's last COPY, compared with the rows staged. */
    public String lastCopyCount() {
        return "SELECT pg_last_copy_count()";
    }

    /**
     * SUPER compares as its JSON text ({@code JSON_SERIALIZE}, which Redshift limits to a VARCHAR's
     * 65,535 bytes: a larger document fails the statement, see docs/tables.md), VARBYTE as bytes,
     * other types without an equality of their own as VARCHAR.
     */
    @Override
    public String comparable(String expr, ColumnType type) {
        String text =
                type.family() == ColumnType.Family.JSON
                        ? "JSON_SERIALIZE(" + expr + ")"
                        : "CAST(" + expr + " AS VARCHAR)";
        return KeylessMerge.comparable(expr, type, text, "''::VARBYTE");
    }
}
