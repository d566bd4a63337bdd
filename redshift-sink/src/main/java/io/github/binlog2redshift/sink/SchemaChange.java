package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ColumnDef;
import java.util.List;
import java.util.Objects;

/**
 * A DDL event met while staging a table, kept for the apply: its statement text (which names
 * renames, drops, truncates), where it happened in the source (rows before it are older), the
 * database it ran in (to resolve unqualified names) and the table's columns and key after it.
 *
 * @param position the event's {@code SourcePosition.sortKey()}
 * @param columns the table's columns after the change; empty when the table was dropped or the
 *     input format does not say (then only the text is used)
 * @param renamedFrom for a table renamed at the source, the target its old name was routed to
 *     (resolved by the writer, which has the routing rules; the committer does not); else null
 */
public record SchemaChange(
        String ddl,
        String position,
        String sourceDatabase,
        List<ColumnDef> columns,
        List<String> primaryKey,
        TargetTable renamedFrom) {

    public SchemaChange {
        Objects.requireNonNull(ddl, "ddl");
        Objects.requireNonNull(position, "position");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** A change that renames no table. */
    public SchemaChange(
            String ddl,
            String position,
            String sourceDatabase,
            List<ColumnDef> columns,
            List<String> primaryKey) {
        this(ddl, position, sourceDatabase, columns, primaryKey, null);
    }

    /** A change known only by its text (committables of serializer version 1). */
    public static SchemaChange textOnly(String ddl) {
        return new SchemaChange(ddl, "", null, List.of(), List.of());
    }
}
