package io.github.binlog2redshift.sink.dialect;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table to rename when a source table is renamed: the target itself and each side table the
 * sink keeps beside it (tombstones, applied horizon, delete archive, history), so rows, tombstones
 * and history stay together under the new name. Both warehouses rename within a schema only ({@code
 * ALTER TABLE ... RENAME TO} takes an unqualified name), so the old and the new target must share
 * one.
 */
public final class TableRename {

    private static final List<String> SUFFIXES =
            List.of(
                    "",
                    ReservedNames.TOMBSTONE_SUFFIX,
                    ReservedNames.APPLIED_SUFFIX,
                    ReservedNames.RANGES_SUFFIX,
                    ReservedNames.ARCHIVE_SUFFIX,
                    ReservedNames.HISTORY_SUFFIX);

    private final TargetTable from;
    private final TargetTable to;
    private final String sql;

    private TableRename(TargetTable from, TargetTable to, String sql) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.sql = Objects.requireNonNull(sql, "sql");
    }

    /**
     * The renames, target first; which of them exist is for the caller to check.
     *
     * @throws IllegalArgumentException when the two targets are in different schemas
     */
    public static List<TableRename> plan(SqlDialect dialect, TargetTable from, TargetTable to) {
        if (!from.schema().equals(to.schema())) {
            throw new IllegalArgumentException(
                    "cannot rename "
                            + from
                            + " to "
                            + to
                            + ": a table is renamed within its schema only");
        }
        List<TableRename> plan = new ArrayList<>(SUFFIXES.size());
        for (String suffix : SUFFIXES) {
            TargetTable f = suffix.isEmpty() ? from : from.withSuffix(suffix);
            TargetTable t = suffix.isEmpty() ? to : to.withSuffix(suffix);
            plan.add(new TableRename(f, t, dialect.renameTable(f, t.name())));
        }
        return plan;
    }

    /** The table as it is named now. */
    public TargetTable from() {
        return from;
    }

    /** The table's new name. */
    public TargetTable to() {
        return to;
    }

    /** The statement that renames {@code from} to {@code to}. */
    public String sql() {
        return sql;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableRename)) {
            return false;
        }
        TableRename other = (TableRename) o;
        return from.equals(other.from) && to.equals(other.to) && sql.equals(other.sql);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, sql);
    }

    @Override
    public String toString() {
        return "TableRename[from=" + from + ", to=" + to + ", sql=" + sql + "]";
    }
}
