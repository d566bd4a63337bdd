package io.github.binlog2redshift.config.sink;

import io.github.binlog2redshift.config.internal.EnumText;
import io.github.binlog2redshift.config.internal.JsonFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One entry of {@code sink.tables} (the reference's {@code sync_table_list}), applying to the
 * tables whose database and table names fully match {@link #database} and {@link #table}.
 */
public final class TableRule {

    /** The JSON fields of a rule and what they mean; drives parsing and docs/configuration.md. */
    public static final Map<String, String> FIELD_DOCS = fieldDocs();

    private final Pattern database;
    private final Pattern table;
    private final List<String> primaryKey;
    private final Optional<String> targetSchema;
    private final Optional<String> targetTable;
    private final boolean ignoreDdl;
    private final DeleteHandling deletes;
    private final DeleteArchive deleteArchive;
    private final boolean history;
    private final boolean exclude;
    private final List<String> superColumns;
    private final Map<String, String> timestampColumns;
    private final Map<String, String> dateColumns;
    private final Optional<SchemaPolicy.DistStyle> distStyle;
    private final List<String> sortKey;

    private TableRule(
            Pattern database,
            Pattern table,
            List<String> primaryKey,
            Optional<String> targetSchema,
            Optional<String> targetTable,
            boolean ignoreDdl,
            DeleteHandling deletes,
            DeleteArchive deleteArchive,
            boolean history,
            boolean exclude,
            List<String> superColumns,
            Map<String, String> timestampColumns,
            Map<String, String> dateColumns,
            Optional<SchemaPolicy.DistStyle> distStyle,
            List<String> sortKey) {
        this.database = database;
        this.table = table;
        this.primaryKey = primaryKey;
        this.targetSchema = targetSchema;
        this.targetTable = targetTable;
        this.ignoreDdl = ignoreDdl;
        this.deletes = deletes;
        this.deleteArchive = deleteArchive;
        this.history = history;
        this.exclude = exclude;
        this.superColumns = superColumns;
        this.timestampColumns = timestampColumns;
        this.dateColumns = dateColumns;
        this.distStyle = distStyle;
        this.sortKey = sortKey;
    }

    /** Regex matched against the whole database name. */
    public Pattern database() {
        return database;
    }

    /** Regex matched against the whole table name. */
    public Pattern table() {
        return table;
    }

    /** Key columns; empty = the key carried by the change events. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** Target schema, overriding sink.target-naming. */
    public Optional<String> targetSchema() {
        return targetSchema;
    }

    /** Target table, overriding sink.target-naming. */
    public Optional<String> targetTable() {
        return targetTable;
    }

    /** Never create or alter the target; load only its existing columns. */
    public boolean ignoreDdl() {
        return ignoreDdl;
    }

    /** What a delete does to the target. */
    public DeleteHandling deletes() {
        return deletes;
    }

    /** Whether deleted rows are also saved to {@code <table>_delete}. */
    public DeleteArchive deleteArchive() {
        return deleteArchive;
    }

    /** Append every change to {@code <table>_history} as well. */
    public boolean history() {
        return history;
    }

    /** The matching tables are not loaded at all. */
    public boolean exclude() {
        return exclude;
    }

    /** Columns loaded as Redshift SUPER. */
    public List<String> superColumns() {
        return superColumns;
    }

    /** Column -> COPY TIMEFORMAT ("auto" when none was given). */
    public Map<String, String> timestampColumns() {
        return timestampColumns;
    }

    /** Column -> COPY DATEFORMAT ("auto" when none was given). */
    public Map<String, String> dateColumns() {
        return dateColumns;
    }

    /**
     * Redshift distribution style of the created table; empty: {@code sink.redshift.dist-style}.
     */
    public Optional<SchemaPolicy.DistStyle> distStyle() {
        return distStyle;
    }

    /** Redshift sort key columns of the created table; empty: the primary key. */
    public List<String> sortKey() {
        return sortKey;
    }

    private static Map<String, String> fieldDocs() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("db", "Required. Regex matched against the whole database name.");
        d.put(
                "table",
                "Required. Regex matched against the whole table name (product does not match product_01).");
        d.put(
                "primary_key",
                "Key columns, \"c1,c2\" or [\"c1\",\"c2\"]; default: the key in the change events.");
        d.put("target_schema", "Target schema; overrides sink.target-naming.");
        d.put("target_table", "Target table; overrides sink.target-naming.");
        d.put("ignore_ddl", "true: never CREATE/ALTER the target; load only its existing columns.");
        d.put("save_delete", "true: also write deleted rows to <target>_delete.");
        d.put(
                "only_save_delete",
                "true: write only deleted rows, to <target>_delete; the target itself is not written.");
        d.put("skip_delete", "true: ignore deletes.");
        d.put("soft_delete", "true: keep deleted rows, marked as deleted.");
        d.put("history", "true: also append every change to <target>_history.");
        d.put("exclude", "true: do not load matching tables (only db and table may accompany it).");
        d.put("super_columns", "Columns loaded as SUPER, \"c1,c2\" or a JSON list.");
        d.put(
                "timestamp_columns",
                "Columns loaded as TIMESTAMP, each col or col=<TIMEFORMAT> (default auto).");
        d.put(
                "date_columns",
                "Columns loaded as DATE, each col or col=<DATEFORMAT> (default auto).");
        d.put(
                "dist_style",
                "Redshift DISTSTYLE of the created table: KEY, AUTO, EVEN or ALL; default"
                        + " sink.redshift.dist-style.");
        d.put(
                "sort_key",
                "Redshift SORTKEY columns of the created table, \"c1,c2\" or a JSON list; default"
                        + " the primary key.");
        return java.util.Collections.unmodifiableMap(d);
    }

    /** Anchored: {@code product} matches {@code product}, not {@code product_01}. */
    public boolean matches(String db, String tableName) {
        return database.matcher(db).matches() && table.matcher(tableName).matches();
    }

    /** Parses the JSON list; booleans are strict ("ture" is an error, not false). */
    public static List<TableRule> parseList(String json) {
        return JsonFields.parseObjectList(json, FIELD_DOCS.keySet()).stream()
                .map(TableRule::of)
                .collect(Collectors.toUnmodifiableList());
    }

    private static TableRule of(JsonFields f) {
        boolean skip = f.bool("skip_delete");
        boolean soft = f.bool("soft_delete");
        boolean save = f.bool("save_delete");
        boolean onlySave = f.bool("only_save_delete");
        if (skip && soft) {
            throw f.error("skip_delete and soft_delete contradict each other");
        }
        if (save && onlySave) {
            throw f.error("set save_delete or only_save_delete, not both");
        }
        if (onlySave && (skip || soft)) {
            throw f.error(
                    "only_save_delete does not write the target, so skip_delete/soft_delete mean nothing");
        }
        boolean exclude = f.bool("exclude");
        TableRule rule =
                new TableRule(
                        f.anchoredRegex("db"),
                        f.anchoredRegex("table"),
                        f.list("primary_key"),
                        f.text("target_schema").filter(s -> !s.isEmpty()),
                        f.text("target_table").filter(s -> !s.isEmpty()),
                        f.bool("ignore_ddl"),
                        skip
                                ? DeleteHandling.SKIP
                                : soft ? DeleteHandling.SOFT : DeleteHandling.APPLY,
                        save
                                ? DeleteArchive.ALSO_SAVE
                                : onlySave ? DeleteArchive.ONLY_SAVE : DeleteArchive.NONE,
                        f.bool("history"),
                        exclude,
                        f.list("super_columns"),
                        formats(f, "timestamp_columns"),
                        formats(f, "date_columns"),
                        f.text("dist_style").filter(x -> !x.isEmpty()).map(x -> distStyle(f, x)),
                        f.list("sort_key"));
        if (exclude && !Set.of("db", "table", "exclude").containsAll(f.present())) {
            throw f.error("an exclude rule takes only db, table and exclude");
        }
        return rule;
    }

    private static SchemaPolicy.DistStyle distStyle(JsonFields f, String text) {
        try {
            return EnumText.parse(SchemaPolicy.DistStyle.class, text);
        } catch (IllegalArgumentException e) {
            throw f.error(
                    "field 'dist_style': expected one of KEY|AUTO|EVEN|ALL, got \"" + text + "\"");
        }
    }

    private static Map<String, String> formats(JsonFields f, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : f.list(field)) {
            int eq = entry.indexOf('=');
            out.put(
                    eq < 0 ? entry : entry.substring(0, eq).trim(),
                    eq < 0 ? "auto" : entry.substring(eq + 1).trim());
        }
        return Map.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TableRule)) {
            return false;
        }
        TableRule other = (TableRule) o;
        return Objects.equals(database, other.database)
                && Objects.equals(table, other.table)
                && Objects.equals(primaryKey, other.primaryKey)
                && Objects.equals(targetSchema, other.targetSchema)
                && Objects.equals(targetTable, other.targetTable)
                && ignoreDdl == other.ignoreDdl
                && deletes == other.deletes
                && deleteArchive == other.deleteArchive
                && history == other.history
                && exclude == other.exclude
                && Objects.equals(superColumns, other.superColumns)
                && Objects.equals(timestampColumns, other.timestampColumns)
                && Objects.equals(dateColumns, other.dateColumns)
                && Objects.equals(distStyle, other.distStyle)
                && Objects.equals(sortKey, other.sortKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                database,
                table,
                primaryKey,
                targetSchema,
                targetTable,
                ignoreDdl,
                deletes,
                deleteArchive,
                history,
                exclude,
                superColumns,
                timestampColumns,
                dateColumns,
                distStyle,
                sortKey);
    }

    @Override
    public String toString() {
        return "TableRule[database="
                + database
                + ", table="
                + table
                + ", primaryKey="
                + primaryKey
                + ", targetSchema="
                + targetSchema
                + ", targetTable="
                + targetTable
                + ", ignoreDdl="
                + ignoreDdl
                + ", deletes="
                + deletes
                + ", deleteArchive="
                + deleteArchive
                + ", history="
                + history
                + ", exclude="
                + exclude
                + ", superColumns="
                + superColumns
                + ", timestampColumns="
                + timestampColumns
                + ", dateColumns="
                + dateColumns
                + ", distStyle="
                + distStyle
                + ", sortKey="
                + sortKey
                + "]";
    }
}
