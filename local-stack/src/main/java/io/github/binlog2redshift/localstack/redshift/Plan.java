package io.github.binlog2redshift.localstack.redshift;

import io.github.binlog2redshift.localstack.redshift.copy.CopyStatement;
import java.util.List;

/**
 * What the emulator does with one client statement: the PostgreSQL text to run, or the error
 * Redshift would raise, plus the steps around it that need the session (a catalog check, an
 * implicit commit, a COPY, bookkeeping after success).
 *
 * @param sql the statement for PostgreSQL
 * @param refusal the error to raise instead, or null
 * @param copy the COPY to prepare from S3 before running, or null
 * @param commitsFirst whether the open transaction is committed first (TRUNCATE)
 * @param outsideBlockOnly whether Redshift refuses the statement inside a transaction block
 * @param columnCheck a column whose layout decides whether the statement is allowed, or null
 * @param layout columns to record after success (distribution, sort key, Redshift type), or null
 * @param readsCopyCount whether the statement calls {@code pg_last_copy_count()}
 * @param caseSensitive the new value of {@code enable_case_sensitive_identifier}, or null
 */
record Plan(
        String sql,
        RedshiftException refusal,
        CopyStatement copy,
        boolean commitsFirst,
        boolean outsideBlockOnly,
        ColumnCheck columnCheck,
        TableLayout layout,
        boolean readsCopyCount,
        Boolean caseSensitive) {

    static Plan of(String sql) {
        return new Plan(sql, null, null, false, false, null, null, false, null);
    }

    static Plan refuse(RedshiftException e) {
        return new Plan(null, e, null, false, false, null, null, false, null);
    }

    Plan withCopy(CopyStatement c) {
        return new Plan(
                sql,
                refusal,
                c,
                commitsFirst,
                outsideBlockOnly,
                columnCheck,
                layout,
                readsCopyCount,
                caseSensitive);
    }

    Plan committingFirst() {
        return new Plan(
                sql,
                refusal,
                copy,
                true,
                outsideBlockOnly,
                columnCheck,
                layout,
                readsCopyCount,
                caseSensitive);
    }

    Plan onlyOutsideBlock() {
        return new Plan(
                sql,
                refusal,
                copy,
                commitsFirst,
                true,
                columnCheck,
                layout,
                readsCopyCount,
                caseSensitive);
    }

    Plan withColumnCheck(ColumnCheck c) {
        return new Plan(
                sql,
                refusal,
                copy,
                commitsFirst,
                outsideBlockOnly,
                c,
                layout,
                readsCopyCount,
                caseSensitive);
    }

    Plan withLayout(TableLayout l) {
        return new Plan(
                sql,
                refusal,
                copy,
                commitsFirst,
                outsideBlockOnly,
                columnCheck,
                l,
                readsCopyCount,
                caseSensitive);
    }

    Plan readingCopyCount() {
        return new Plan(
                sql,
                refusal,
                copy,
                commitsFirst,
                outsideBlockOnly,
                columnCheck,
                layout,
                true,
                caseSensitive);
    }

    Plan settingCaseSensitive(boolean on) {
        return new Plan(
                sql,
                refusal,
                copy,
                commitsFirst,
                outsideBlockOnly,
                columnCheck,
                layout,
                readsCopyCount,
                on);
    }

    /** What a column check guards against. */
    enum CheckKind {
        DROP_COLUMN,
        ALTER_TYPE
    }

    /**
     * A statement on {@code table.column} that Redshift refuses for distribution or sort key
     * columns (and, for a type change, for key and non-VARCHAR columns).
     *
     * @param table the table as PostgreSQL text (quoted, possibly schema-qualified)
     * @param column the column as stored
     * @param newType the new type text for ALTER TYPE, else null
     */
    record ColumnCheck(CheckKind kind, String table, String column, String newType) {}

    /**
     * A table's Redshift-only column facts, recorded once the CREATE TABLE or ADD COLUMN ran.
     *
     * @param table the table as PostgreSQL text
     * @param columns one entry per column that has a fact to keep
     */
    record TableLayout(String table, List<ColumnLayout> columns) {}

    /**
     * @param name the column as stored
     * @param distkey whether it is the distribution key
     * @param sortkeyPosition 1-based position in the sort key (negative for every second column of
     *     an interleaved sort key, as SVV_REDSHIFT_COLUMNS shows it), 0 if not in it
     * @param encoding the declared ENCODE, lower case, or null when none was declared
     */
    record ColumnLayout(String name, boolean distkey, int sortkeyPosition, String encoding) {}
}
