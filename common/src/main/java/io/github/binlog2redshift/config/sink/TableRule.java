package io.github.binlog2redshift.config.sink;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of {@code sink.tables} (the reference's {@code sync_table_list}), applying to the
 * tables whose database and table names fully match {@link #database()} and {@link #table()}.
 */
public final class TableRule {

    /** The JSON fields of a rule and what they mean; drives parsing and docs/configuration.md. */
    public static final Map<String, String> FIELD_DOCS = TableRuleParser.FIELD_DOCS;

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
    private final Optional<KeylessMode> keyless;

    /** Built by {@link TableRuleParser} from one JSON entry. */
    TableRule(
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
            List<String> sortKey,
            Optional<KeylessMode> keyless) {
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
        this.keyless = keyless;
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

    /** How the matching tables are written when they have no key; empty: sink.keyless-tables. */
    public Optional<KeylessMode> keyless() {
        return keyless;
    }

    /**
     * The mode of a matching table without a key: the rule's {@code keyless}, else {@code
     * fallback}; a {@code soft_delete} table stays a change log (a flagged copy of a multiset is
     * not defined), unless the rule asks for MIRROR itself, which the parser refuses.
     */
    public KeylessMode keylessMode(KeylessMode fallback) {
        if (deletes == DeleteHandling.SOFT) {
            return KeylessMode.APPEND;
        }
        return keyless.orElse(fallback);
    }

    /** Anchored: {@code product} matches {@code product}, not {@code product_01}. */
    public boolean matches(String db, String tableName) {
        return database.matcher(db).matches() && table.matcher(tableName).matches();
    }

    /** Parses the JSON list; booleans are strict ("ture" is an error, not false). */
    public static List<TableRule> parseList(String json) {
        return TableRuleParser.parseList(json);
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
                && Objects.equals(sortKey, other.sortKey)
                && Objects.equals(keyless, other.keyless);
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
                sortKey,
                keyless);
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
                + ", keyless="
                + keyless
                + "]";
    }
}
