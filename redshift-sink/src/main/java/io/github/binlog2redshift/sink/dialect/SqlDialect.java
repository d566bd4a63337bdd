package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.Serializable;
import java.util.List;

/**
 * The SQL text of the apply for one warehouse. Stateless: every method returns statements (with
 * {@code ?} placeholders where values are bound) and runs nothing; {@code jdbc.MergeExecutor} runs
 * them. Identifiers are always quoted, so names keep their MySQL case and may contain any
 * character.
 *
 * <p>Both warehouses share most statements (the defaults here); {@link RedshiftDialect} and {@link
 * PostgresDialect} differ in column types, table options, the clock and the load.
 */
public interface SqlDialect extends Serializable {

    /** The warehouse type of a MySQL column. */
    String columnType(ColumnDef column);

    /** {@code CREATE TABLE IF NOT EXISTS} for the target: source columns, then the hidden ones. */
    String createTable(TableShape shape);

    /** The tombstone table: the key columns and the position of the delete. */
    String createTombstoneTable(TableShape shape);

    /** The warehouse's "now" for {@code committed_at}. */
    String currentTimestamp();

    /** Prefix of hex-staged binary values: Redshift reads bare hex, PostgreSQL {@code \x}. */
    String binaryPrefix();

    default String createSchema(String schema) {
        return "CREATE SCHEMA IF NOT EXISTS " + ident(schema);
    }

    /**
     * Adds a nullable column: columns are never dropped or narrowed automatically, and a NOT NULL
     * column could not be added to a table that has rows.
     */
    default String addColumn(TargetTable table, ColumnDef column) {
        return "ALTER TABLE "
                + table(table)
                + " ADD COLUMN "
                + ident(column.name())
                + " "
                + columnType(column);
    }

    /** The target's column names in order; binds schema, table. */
    default String selectColumns() {
        return "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
    }

    /** The plan that merges the staging table into the target (see {@link MergePlan}). */
    default MergePlan mergePlan(TableShape shape) {
        return MergeStatements.plan(shape);
    }

    default String createLedger(String schema) {
        return LedgerStatements.create(schema);
    }

    /** Finds a ledger row; binds job id, target table, checkpoint id, staging id. */
    default String ledgerLookup(String schema) {
        return LedgerStatements.lookup(schema);
    }

    /**
     * Records a commit; binds job id, target table, checkpoint id, staging id, subtask, max source
     * position, rows staged, rows applied.
     */
    default String ledgerInsert(String schema) {
        return LedgerStatements.insert(schema, currentTimestamp());
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
