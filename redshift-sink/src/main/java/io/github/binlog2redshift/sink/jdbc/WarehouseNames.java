package io.github.binlog2redshift.sink.jdbc;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.SchemaChange;
import io.github.binlog2redshift.sink.StagedFile;
import io.github.binlog2redshift.sink.TableCommittable;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.dialect.NameKind;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.TableMode;
import io.github.binlog2redshift.sink.schema.DdlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.Nullable;

/**
 * A committable spoken of in the warehouse's names ({@link SqlDialect#storedName}): its table, the
 * columns of its files, its source columns and key, the columns, key, old table and DDL text of its
 * schema changes, and its sort key. {@link MergeExecutor} applies it first, so the DDL path, every
 * catalog check, the merge, the schema log and the commit ledger use the names the warehouse has,
 * never the source's (on Redshift the source's {@code userId} is the catalog's {@code userid}).
 *
 * <p>Columns whose names become one (a source column renamed only in case) are one column, with the
 * last definition. Two different source columns of one change that would become one are refused at
 * ingest ({@code ValueGuard}), so a committable never stages both.
 */
public final class WarehouseNames {

    private WarehouseNames() {}

    /** The partial column sets as the warehouse stores their names. */
    private static List<List<String>> partialColumns(TableCommittable b, SqlDialect d) {
        List<List<String>> sets = new ArrayList<>();
        for (List<String> set : b.partialColumns()) {
            sets.add(columnNames(set, d));
        }
        return sets;
    }

    /** {@code b} with every name as the warehouse stores it. */
    public static TableCommittable of(TableCommittable b, SqlDialect d) {
        List<StagedFile> files = new ArrayList<>(b.files().size());
        for (StagedFile f : b.files()) {
            // Not deduplicated: a file's columns are its CSV fields, one each.
            List<String> cols = new ArrayList<>(f.columns().size());
            f.columns().forEach(c -> cols.add(d.storedName(c, NameKind.COLUMN)));
            files.add(new StagedFile(f.path(), cols, f.rows(), f.content()));
        }
        List<SchemaChange> changes = new ArrayList<>(b.schemaChanges().size());
        for (SchemaChange sc : b.schemaChanges()) {
            changes.add(
                    new SchemaChange(
                            DdlText.mapNames(sc.ddl(), n -> d.storedName(n, NameKind.COLUMN)),
                            sc.position(),
                            sc.sourceDatabase(),
                            columns(sc.columns(), d),
                            columnNames(sc.primaryKey(), d),
                            table(sc.renamedFrom(), d)));
        }
        TableMode m = b.mode();
        return new TableCommittable(
                        table(b.table(), d),
                        b.checkpointId(),
                        b.stagingId(),
                        b.subtask(),
                        files,
                        b.maxSourcePosition(),
                        b.maxSourceTsMs(),
                        columns(b.columns(), d),
                        columnNames(b.primaryKey(), d),
                        changes,
                        m.withSortKey(columnNames(m.sortKey(), d)),
                        b.stagingFormat())
                .withPartialColumns(partialColumns(b, d));
    }

    /** The warehouse's name of {@code t}; null for null. */
    @Nullable
    public static TargetTable table(@Nullable TargetTable t, SqlDialect d) {
        return t == null
                ? null
                : new TargetTable(
                        d.storedName(t.schema(), NameKind.SCHEMA),
                        d.storedName(t.name(), NameKind.TABLE));
    }

    private static List<ColumnDef> columns(List<ColumnDef> columns, SqlDialect d) {
        Map<String, ColumnDef> out = new LinkedHashMap<>();
        for (ColumnDef c : columns) {
            String name = d.storedName(c.name(), NameKind.COLUMN);
            out.put(
                    name,
                    name.equals(c.name())
                            ? c
                            : new ColumnDef(
                                    name,
                                    c.type(),
                                    c.length(),
                                    c.scale(),
                                    c.nullable(),
                                    c.enumValues()));
        }
        return new ArrayList<>(out.values());
    }

    private static List<String> columnNames(List<String> names, SqlDialect d) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            out.add(d.storedName(n, NameKind.COLUMN));
        }
        return new ArrayList<>(out);
    }
}
