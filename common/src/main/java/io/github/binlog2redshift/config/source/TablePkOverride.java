package io.github.binlog2redshift.config.source;

import io.github.binlog2redshift.config.internal.JsonFields;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry of {@code source.table-pk-overrides} (the reference's {@code table_pk}): the key
 * columns to key Kafka records by, and per-column truncation of long strings, for the tables whose
 * database and table names fully match the two regexes.
 */
public final class TablePkOverride implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The JSON fields of an entry and what they mean; drives parsing and the docs. */
    public static final Map<String, String> FIELD_DOCS =
            orderedDocs(
                    "db", "Required. Regex matched against the whole database name.",
                    "table",
                            "Required. Regex matched against the whole table name (product does not match product_01).",
                    "primary_key",
                            "Key columns in key order, \"c1,c2\" or a JSON list; empty keeps the table's primary key.",
                    "column_max_length",
                            "Truncate strings: \"col=N|col2=M\" keeps at most N characters of col.");

    private static Map<String, String> orderedDocs(String... pairs) {
        Map<String, String> docs = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            docs.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(docs);
    }

    private final Pattern database;
    private final Pattern table;
    private final List<String> primaryKey;
    private final Map<String, Integer> columnMaxLength;

    private TablePkOverride(
            Pattern database,
            Pattern table,
            List<String> primaryKey,
            Map<String, Integer> columnMaxLength) {
        this.database = database;
        this.table = table;
        this.primaryKey = List.copyOf(primaryKey);
        this.columnMaxLength = Map.copyOf(columnMaxLength);
    }

    /** Regex matched against the whole database name. */
    public Pattern database() {
        return database;
    }

    /** Regex matched against the whole table name. */
    public Pattern table() {
        return table;
    }

    /** Key columns, in key order; empty keeps the table's own primary key. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** Column -> max characters kept. */
    public Map<String, Integer> columnMaxLength() {
        return columnMaxLength;
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
        return JsonFields.parseObjectList(json, FIELD_DOCS.keySet()).stream()
                .map(TablePkOverride::of)
                .collect(Collectors.toUnmodifiableList());
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

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TablePkOverride)) {
            return false;
        }
        TablePkOverride other = (TablePkOverride) o;
        return Objects.equals(database, other.database)
                && Objects.equals(table, other.table)
                && primaryKey.equals(other.primaryKey)
                && columnMaxLength.equals(other.columnMaxLength);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, table, primaryKey, columnMaxLength);
    }

    @Override
    public String toString() {
        return "TablePkOverride[database="
                + database
                + ", table="
                + table
                + ", primaryKey="
                + primaryKey
                + ", columnMaxLength="
                + columnMaxLength
                + "]";
    }
}
