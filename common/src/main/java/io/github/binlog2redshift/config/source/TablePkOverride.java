package io.github.binlog2redshift.config.source;

import io.github.binlog2redshift.config.internal.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of {@code source.table-pk-overrides} (the reference's {@code table_pk}): the key
 * columns to key Kafka records by, and per-column truncation of long strings, for the tables whose
 * database and table names fully match the two regexes.
 *
 * @param database regex matched against the whole database name
 * @param table regex matched against the whole table name
 * @param primaryKey key columns, in key order; empty keeps the table's own primary key
 * @param columnMaxLength column -> max characters kept
 */
public record TablePkOverride(
        Pattern database,
        Pattern table,
        List<String> primaryKey,
        Map<String, Integer> columnMaxLength) {

    private static final Set<String> FIELDS =
            Set.of("db", "table", "primary_key", "column_max_length");

    public TablePkOverride {
        primaryKey = List.copyOf(primaryKey);
        columnMaxLength = Map.copyOf(columnMaxLength);
    }

    /**
     * Anchored: {@code product} matches table {@code product} only, not {@code product_01} (the
     * reference's unanchored lookup did; see REFERENCE.md bug 2).
     */
    public boolean matches(String db, String tableName) {
        return database.matcher(db).matches() && table.matcher(tableName).matches();
    }

    /**
     * Parses {@code [{"db": "shop", "table": "orders_\\d+", "primary_key": "id,region",
     * "column_max_length": "note=100|body=2000"}]}; {@code primary_key} may also be a JSON list.
     */
    public static List<TablePkOverride> parseList(String json) {
        return JsonFields.parseObjectList(json, FIELDS).stream().map(TablePkOverride::of).toList();
    }

    private static TablePkOverride of(JsonFields f) {
        Map<String, Integer> lengths = new LinkedHashMap<>();
        for (String entry : f.text("column_max_length").orElse("").split("\\|")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] kv = entry.split("=", -1);
            int max;
            try {
                max = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : -1;
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1) {
                throw f.error(
                        "field 'column_max_length': expected col=N|col2=M with N >= 1, got '"
                                + entry.trim()
                                + "'");
            }
            lengths.put(kv[0].trim(), max);
        }
        return new TablePkOverride(
                f.anchoredRegex("db"), f.anchoredRegex("table"), f.list("primary_key"), lengths);
    }
}
