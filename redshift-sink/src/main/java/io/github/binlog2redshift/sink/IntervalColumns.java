package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.ReservedNames;
import io.github.binlog2redshift.sink.schema.DdlText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of one checkpoint interval as its schema changes leave them: which columns the table
 * has after the interval's DDL, and which name each staged column loads into after the interval's
 * renames. Rows staged before a DROP, a rename or a column list change still carry the columns they
 * were read with; this is where those are mapped onto the table as it is now.
 */
final class IntervalColumns {

    /** Rename chains longer than this are cut: a cycle of renames must not loop forever. */
    private static final int MAX_RENAME_HOPS = 16;

    private IntervalColumns() {}

    /**
     * The table's columns as the source has them now: the last schema change's column list when the
     * interval had one, else the union of the staged columns under their renamed names.
     */
    static List<ColumnDef> current(List<ColumnDef> columns, List<SchemaChange> schemaChanges) {
        for (int i = schemaChanges.size() - 1; i >= 0; i--) {
            if (DdlText.parse(schemaChanges.get(i).ddl()).kind() == DdlText.Kind.DROP_TABLE) {
                return List.of(); // the table is gone at the source; nothing to create from
            }
            if (!schemaChanges.get(i).columns().isEmpty()) {
                List<ColumnDef> latest = new ArrayList<>(schemaChanges.get(i).columns());
                // Not a source column: rows whose values were cut name them here (opt-in).
                columns.stream()
                        .filter(c -> c.name().equals(ReservedNames.TRUNCATED))
                        .forEach(latest::add);
                return latest;
            }
        }
        return renamed(columns, schemaChanges);
    }

    /**
     * The staged columns under the names they load into (see {@link #load}): a column of rows
     * staged before a rename is the renamed column, not one to add again.
     */
    private static List<ColumnDef> renamed(
            List<ColumnDef> columns, List<SchemaChange> schemaChanges) {
        Map<String, String> renames = renames(schemaChanges);
        if (renames.isEmpty()) {
            return columns;
        }
        Set<String> present = new HashSet<>();
        columns.forEach(c -> present.add(c.name()));
        Map<String, ColumnDef> out = new LinkedHashMap<>();
        for (ColumnDef c : columns) {
            String name = follow(renames, c.name());
            ColumnDef as =
                    name.equals(c.name()) || present.contains(name)
                            ? c
                            : new ColumnDef(
                                    name,
                                    c.type(),
                                    c.length(),
                                    c.scale(),
                                    c.nullable(),
                                    c.enumValues());
            out.putIfAbsent(as.name(), as);
        }
        return List.copyOf(out.values());
    }

    /**
     * The column names a staged file with {@code fileColumns} is loaded into: a column renamed by a
     * schema change of the interval (rows staged before the rename) loads into its new name.
     */
    static List<String> load(List<String> fileColumns, List<SchemaChange> schemaChanges) {
        Map<String, String> renames = renames(schemaChanges);
        if (renames.isEmpty()) {
            return fileColumns;
        }
        Set<String> present = new HashSet<>(fileColumns);
        List<String> out = new ArrayList<>(fileColumns.size());
        for (String c : fileColumns) {
            String name = follow(renames, c);
            out.add(!name.equals(c) && present.contains(name) ? c : name);
        }
        return out;
    }

    /** Old name to new name of every column rename of the interval, in order. */
    static Map<String, String> renames(List<SchemaChange> schemaChanges) {
        Map<String, String> all = new LinkedHashMap<>();
        for (SchemaChange s : schemaChanges) {
            all.putAll(DdlText.parse(s.ddl()).renames());
        }
        return all;
    }

    private static String follow(Map<String, String> renames, String column) {
        String name = column;
        for (int hops = 0; renames.containsKey(name) && hops < MAX_RENAME_HOPS; hops++) {
            name = renames.get(name);
        }
        return name;
    }
}
