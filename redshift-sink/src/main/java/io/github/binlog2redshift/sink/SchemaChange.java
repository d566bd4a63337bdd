package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.List;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * A DDL event met while staging a table, kept for the apply: its statement text (which names
 * renames, drops, truncates), where it happened in the source (rows before it are older), the
 * database it ran in (to resolve unqualified names) and the table's columns and key after it.
 */
public final class SchemaChange {

    private final String ddl;
    private final String position;
    @Nullable private final String sourceDatabase;
    private final List<ColumnDef> columns;
    private final List<String> primaryKey;
    @Nullable private final TargetTable renamedFrom;

    public SchemaChange(
            String ddl,
            String position,
            @Nullable String sourceDatabase,
            List<ColumnDef> columns,
            List<String> primaryKey,
            @Nullable TargetTable renamedFrom) {
        this.ddl = Objects.requireNonNull(ddl, "ddl");
        this.position = Objects.requireNonNull(position, "position");
        this.sourceDatabase = sourceDatabase;
        this.columns = List.copyOf(columns);
        this.primaryKey = List.copyOf(primaryKey);
        this.renamedFrom = renamedFrom;
    }

    /** A change that renames no table. */
    public SchemaChange(
            String ddl,
            String position,
            @Nullable String sourceDatabase,
            List<ColumnDef> columns,
            List<String> primaryKey) {
        this(ddl, position, sourceDatabase, columns, primaryKey, null);
    }

    /** A change known only by its text (committables of serializer version 1). */
    public static SchemaChange textOnly(String ddl) {
        return new SchemaChange(ddl, "", null, List.of(), List.of());
    }

    public String ddl() {
        return ddl;
    }

    /** The event's {@code SourcePosition.sortKey()}. */
    public String position() {
        return position;
    }

    @Nullable
    public String sourceDatabase() {
        return sourceDatabase;
    }

    /**
     * The table's columns after the change; empty when the table was dropped or the input format
     * does not say (then only the text is used).
     */
    public List<ColumnDef> columns() {
        return columns;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    /**
     * For a table renamed at the source, the target its old name was routed to (resolved by the
     * writer, which has the routing rules; the committer does not); else null.
     */
    @Nullable
    public TargetTable renamedFrom() {
        return renamedFrom;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SchemaChange)) {
            return false;
        }
        SchemaChange other = (SchemaChange) o;
        return ddl.equals(other.ddl)
                && position.equals(other.position)
                && Objects.equals(sourceDatabase, other.sourceDatabase)
                && columns.equals(other.columns)
                && primaryKey.equals(other.primaryKey)
                && Objects.equals(renamedFrom, other.renamedFrom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ddl, position, sourceDatabase, columns, primaryKey, renamedFrom);
    }

    @Override
    public String toString() {
        return "SchemaChange[ddl="
                + ddl
                + ", position="
                + position
                + ", sourceDatabase="
                + sourceDatabase
                + ", columns="
                + columns
                + ", primaryKey="
                + primaryKey
                + ", renamedFrom="
                + renamedFrom
                + "]";
    }
}
