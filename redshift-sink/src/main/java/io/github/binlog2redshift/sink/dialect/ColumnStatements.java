package io.github.binlog2redshift.sink.dialect;

import static io.github.binlog2redshift.sink.dialect.internal.SqlText.ident;
import static io.github.binlog2redshift.sink.dialect.internal.SqlText.table;

import io.github.binlog2redshift.sink.TargetTable;

/**
 * The DDL of schema evolution that both warehouses spell alike: column drop and rename, the steps
 * of a type change by copy, and table-level truncate, drop and rename.
 */
final class ColumnStatements {

    private ColumnStatements() {}

    static String dropColumn(TargetTable t, String column) {
        return "ALTER TABLE " + table(t) + " DROP COLUMN " + ident(column);
    }

    static String renameColumn(TargetTable t, String from, String to) {
        return "ALTER TABLE " + table(t) + " RENAME COLUMN " + ident(from) + " TO " + ident(to);
    }

    /**
     * A type change by copy, for types Redshift cannot ALTER in place: add a column of the new
     * type, copy {@code value} (the old column converted, see {@link SqlDialect#rebuildColumn}),
     * drop the old column, give the new one the old name. The column moves to the end of the table.
     */
    static ColumnRebuild rebuild(TargetTable t, String column, String type, String value) {
        String temp = column + ReservedNames.RETYPE_SUFFIX;
        return new ColumnRebuild(
                temp,
                "ALTER TABLE " + table(t) + " ADD COLUMN " + ident(temp) + " " + type,
                "UPDATE " + table(t) + " SET " + ident(temp) + " = " + value,
                dropColumn(t, column),
                renameColumn(t, temp, column));
    }

    /** {@code CAST("column" AS type)}. */
    static String cast(String column, String type) {
        return "CAST(" + ident(column) + " AS " + type + ")";
    }

    static String truncate(TargetTable t) {
        return "TRUNCATE TABLE " + table(t);
    }

    static String dropTable(TargetTable t) {
        return "DROP TABLE IF EXISTS " + table(t);
    }

    /** Redshift and PostgreSQL rename within the schema only; the new name is unqualified. */
    static String renameTable(TargetTable from, String toName) {
        return "ALTER TABLE " + table(from) + " RENAME TO " + ident(toName);
    }

    /**
     * A column renamed at the source that rows of another subtask already added under its new name:
     * rows not written since the rename hold their value only in the old column.
     */
    static String fillRenamedColumn(TargetTable t, String from, String to) {
        return "UPDATE "
                + table(t)
                + " SET "
                + ident(to)
                + " = "
                + ident(from)
                + " WHERE "
                + ident(to)
                + " IS NULL";
    }

    /** A truncate on a soft-delete table: every live row is flagged, none removed. */
    static String markAllDeleted(TargetTable t, String now) {
        return "UPDATE "
                + table(t)
                + " SET "
                + ident(ReservedNames.DELETED)
                + " = TRUE, "
                + ident(ReservedNames.DELETED_AT)
                + " = "
                + now
                + " WHERE "
                + ident(ReservedNames.DELETED)
                + " IS NOT TRUE";
    }
}
