package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.literal;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.Serializable;
import java.util.List;
import javax.annotation.Nullable;

/**
 * The SQL text of the apply for one warehouse. Stateless: every method returns statements (with
 * {@code ?} placeholders where values are bound) and runs nothing; {@code jdbc.MergeExecutor} runs
 * them. Identifiers are always quoted, so names may contain any character; their case is kept where
 * the warehouse keeps it ({@link #storedName}).
 *
 * <p>Both warehouses share most statements (the defaults here); {@link RedshiftDialect} and {@link
 * PostgresDialect} differ in column types, table options, the clock and the load. The statements of
 * the commit ledger are those of {@link LedgerDialect}.
 */
public interface SqlDialect extends RetentionDialect, Serializable {

    /** The warehouse type of a MySQL column. */
    String columnType(ColumnDef column);

    /**
     * The name a schema, table or column the sink names {@code name} has in the warehouse: what the
     * sink creates, looks up in the catalog and writes to must all be this name. PostgreSQL keeps a
     * quoted name as written, Redshift folds it to lower case ({@link RedshiftNames}); both cut a
     * name longer than their limit (63 and 127 bytes, less room for the sink's suffixes) with a
     * hash ({@link NameLimit}). Applied to a whole committable by the committer ({@code
     * jdbc.WarehouseNames}); source names that become equal here are refused at ingest (columns:
     * {@code name_collision}; tables: {@code target_collision}).
     */
    default String storedName(String name, NameKind kind) {
        return name;
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS} for the target: source columns, then the hidden ones (see
     * {@code TableStatements.createTarget}).
     */
    String createTable(TableShape shape, TableMode mode);

    /** The tombstone table: the key columns and the position of the delete. */
    String createTombstoneTable(TableShape shape, TableMode mode);

    /** {@code <table>_delete}: deleted rows with their position and deletion time. */
    String createArchiveTable(TableShape shape, TableMode mode);

    /** {@code <table>_history}: every change with its operation, position and time. */
    String createHistoryTable(TableShape shape, TableMode mode);

    /**
     * The most bytes a value of this column may have in the warehouse (its UTF-8 text, or the
     * decoded bytes of a binary value); {@link Long#MAX_VALUE} when the warehouse has no limit
     * below what a change event can carry.
     */
    default long maxValueBytes(ColumnDef column) {
        return Long.MAX_VALUE;
    }

    /**
     * The most characters (Unicode code points) a text value of this column may have in the
     * warehouse; {@link Long#MAX_VALUE} when its limit is not counted in characters (Redshift
     * counts bytes, {@link #maxValueBytes}) or there is none.
     */
    default long maxValueChars(ColumnDef column) {
        return Long.MAX_VALUE;
    }

    /**
     * The most bytes one staged row may have (its CSV line: every field quoted, quotes doubled,
     * binary values as hex), {@link Long#MAX_VALUE} when the load has no limit below what a change
     * event can carry.
     */
    default long maxRowBytes() {
        return Long.MAX_VALUE;
    }

    /** The widest text column: Redshift VARCHAR(65535) (bytes), PostgreSQL TEXT. */
    String unboundedText();

    /** The exact decimal type of this precision and scale. */
    String decimalType(int precision, int scale);

    /** The largest decimal precision (Redshift 38, PostgreSQL 1000). */
    int maxDecimalPrecision();

    /**
     * True when {@code ALTER COLUMN ... TYPE} can change {@code from} into {@code to}; otherwise
     * the change is made by copy ({@link #rebuildColumn}).
     */
    boolean altersTypeInPlace(ColumnType from, ColumnType to);

    /** False when key columns' types cannot be changed at all (Redshift). */
    boolean changesKeyColumnTypes();

    /** {@code ALTER TABLE ... ALTER COLUMN ... TYPE}, for {@link #altersTypeInPlace} changes. */
    String alterColumnType(TargetTable table, String column, String type);

    /**
     * The statements of a type change by copy of {@code column}, now of type {@code from}, to
     * {@code type}: by default a plain CAST of each value.
     */
    default ColumnRebuild rebuildColumn(
            TargetTable table, String column, ColumnType from, String type) {
        return ColumnStatements.rebuild(table, column, type, ColumnStatements.cast(column, type));
    }

    default String dropColumn(TargetTable table, String column) {
        return ColumnStatements.dropColumn(table, column);
    }

    default String renameColumn(TargetTable table, String from, String to) {
        return ColumnStatements.renameColumn(table, from, to);
    }

    default String truncateTable(TargetTable table) {
        return ColumnStatements.truncate(table);
    }

    default String dropTable(TargetTable table) {
        return ColumnStatements.dropTable(table);
    }

    default String renameTable(TargetTable table, String newName) {
        return ColumnStatements.renameTable(table, newName);
    }

    /** Blocks every other reader and writer until the transaction ends (both: exclusive). */
    default String lockTable(TargetTable table) {
        return "LOCK TABLE " + table(table);
    }

    default String fillRenamedColumn(TargetTable table, String from, String to) {
        return ColumnStatements.fillRenamedColumn(table, from, to);
    }

    /**
     * What a source TRUNCATE at {@code position} empties: the rows of changes before it. Rows of
     * later changes stay, which another sink subtask may have committed before this one got to the
     * TRUNCATE. {@link #deleteAll} for inputs without positions.
     */
    default String deleteBefore(TargetTable table, String position) {
        return deleteAll(table)
                + " WHERE "
                + ident(ReservedNames.POSITION)
                + " < "
                + literal(position);
    }

    /** {@link #markAllDeleted} for the rows of changes before {@code position}. */
    default String markDeletedBefore(TargetTable table, String position) {
        return markAllDeleted(table)
                + " AND "
                + ident(ReservedNames.POSITION)
                + " < "
                + literal(position);
    }

    /** Position and text of every logged DDL of a target, oldest first; binds target table. */
    default String schemaLogEntries(String schema) {
        return SchemaLogStatements.entries(schema);
    }

    /** Removes every row inside a transaction (TRUNCATE commits on its own on Redshift). */
    default String deleteAll(TargetTable table) {
        return "DELETE FROM " + table(table);
    }

    default String createSchemaLog(String schema) {
        return SchemaLogStatements.create(schema);
    }

    /** Finds an applied table-level DDL; binds target table, position. */
    default String schemaLogLookup(String schema) {
        return SchemaLogStatements.lookup(schema);
    }

    /** Records an applied table-level DDL; binds target table, position, DDL text. */
    default String schemaLogInsert(String schema) {
        return SchemaLogStatements.insert(schema, currentTimestamp());
    }

    /** A truncate on a soft-delete table flags every row instead. */
    default String markAllDeleted(TargetTable table) {
        return ColumnStatements.markAllDeleted(table, currentTimestamp());
    }

    /** The warehouse's "now" for {@code committed_at}. */
    String currentTimestamp();

    /**
     * Prefix of hex-staged binary values: PostgreSQL reads {@code \x} and hex; Redshift reads bare
     * hex and gets {@link #binaryMarker()} before it.
     */
    String binaryPrefix();

    /**
     * Hex digits of the bytes staged before every binary value and removed by the merge after the
     * load ({@code MergeInput.markedBinary()}), or "" for none. Redshift: {@code 00}, because its
     * COPY loads an empty VARBYTE field as NULL (see {@link BinaryMarker}). PostgreSQL: "".
     */
    String binaryMarker();

    default String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + ident(schema);
    }

    /**
     * One row when the schema exists: whether this user may use it (USAGE); binds the schema.
     * {@code pg_namespace} lists every schema; {@code information_schema.schemata} would not do: on
     * Redshift it lists only the schemas the user owns, so {@code public} (the superuser's) would
     * look missing right after {@code CREATE SCHEMA IF NOT EXISTS} succeeded. HAS_SCHEMA_PRIVILEGE
     * is documented for Redshift
     * (https://docs.aws.amazon.com/redshift/latest/dg/r_HAS_SCHEMA_PRIVILEGE.html) as for
     * PostgreSQL.
     */
    default String selectSchema() {
        return "SELECT has_schema_privilege(nspname, 'USAGE') FROM pg_namespace"
                + " WHERE nspname = ?";
    }

    /**
     * Adds a nullable column: columns are never dropped or narrowed automatically, and a NOT NULL
     * column could not be added to a table that has rows.
     */
    default String addColumn(TargetTable table, ColumnDef column) {
        return addColumn(table, column.name(), columnType(column));
    }

    /** Adds a nullable column of a warehouse type. */
    default String addColumn(TargetTable table, String column, String type) {
        return "ALTER TABLE " + table(table) + " ADD COLUMN " + ident(column) + " " + type;
    }

    /**
     * The target's columns in order with what {@link ColumnType#fromCatalog} needs; binds schema,
     * table. Redshift's JDBC metadata calls query its own system views, so the portable
     * information_schema is read instead.
     */
    default String selectColumns() {
        return "SELECT column_name, data_type, character_maximum_length, numeric_precision,"
                + " numeric_scale, datetime_precision FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
    }

    /**
     * The names of the target's DISTKEY and SORTKEY columns; binds database, schema, table. Null
     * when the warehouse has no such columns (PostgreSQL).
     */
    @Nullable
    default String selectLayoutColumns() {
        return null;
    }

    /** The plan that merges the staging table into the target (see {@link MergePlan}). */
    default MergePlan mergePlan(MergeInput input) {
        return MergeStatements.plan(input, this);
    }

    /**
     * {@code expr} (a column of {@code type}) in a form that compares with {@code =} exactly as the
     * values do and is never NULL (NULL becomes a constant of the type): what the merge of a table
     * without a key joins and partitions rows on ({@code KeylessMerge}). PostgreSQL: the value,
     * JSON and unknown types as their text.
     */
    default String comparable(String expr, ColumnType type) {
        return KeylessMerge.comparable(
                expr, type, "CAST(" + expr + " AS TEXT)", "CAST('' AS BYTEA)");
    }

    /** Hidden columns of the target, in the order they follow the source columns. */
    default List<String> hiddenColumns() {
        return List.of(ReservedNames.POSITION, ReservedNames.SOURCE_TS);
    }

    /** The columns of a staged file: op, position, source time, then the source columns. */
    static List<String> stagedColumns(List<String> sourceColumns) {
        List<String> all = new java.util.ArrayList<>(sourceColumns.size() + 3);
        all.add(ReservedNames.OP);
        all.add(ReservedNames.POSITION);
        all.add(ReservedNames.SOURCE_TS);
        all.addAll(sourceColumns);
        return all;
    }
}
