package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.TableRule;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * The routing part of a {@code sink.tables} rule ({@link TableRule}), in a serializable form (the
 * config records hold {@code Optional}s, which Flink cannot ship to its tasks): which source tables
 * (regexes matched against the whole database and table name, never a substring: the reference's
 * bug 2), the target schema and table where the rule names them (else null), the key columns for
 * tables whose events name none (empty: none), whether the tables are excluded, and whether they
 * keep a change history (then the dedupe passes every change through, see {@link ChangeRetention}),
 * and how they are written if they have no key (null: the job's default).
 */
public final class RouteRule implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Pattern database;
    private final Pattern table;
    @Nullable private final String targetSchema;
    @Nullable private final String targetTable;
    private final List<String> primaryKey;
    private final boolean exclude;
    private final ChangeRetention retention;
    @Nullable private final KeylessMode keyless;

    public RouteRule(
            Pattern database,
            Pattern table,
            @Nullable String targetSchema,
            @Nullable String targetTable,
            @Nullable List<String> primaryKey,
            boolean exclude,
            ChangeRetention retention) {
        this(database, table, targetSchema, targetTable, primaryKey, exclude, retention, null);
    }

    /**
     * @param keyless how the tables are written if they have no key; null: the job's default
     */
    public RouteRule(
            Pattern database,
            Pattern table,
            @Nullable String targetSchema,
            @Nullable String targetTable,
            @Nullable List<String> primaryKey,
            boolean exclude,
            ChangeRetention retention,
            @Nullable KeylessMode keyless) {
        this.keyless = keyless;
        this.database = Objects.requireNonNull(database, "database pattern");
        this.table = Objects.requireNonNull(table, "table pattern");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.targetSchema = targetSchema;
        this.targetTable = targetTable;
        this.primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        this.exclude = exclude;
    }

    /** A rule whose tables keep the newest change per key. */
    public RouteRule(
            Pattern database,
            Pattern table,
            @Nullable String targetSchema,
            @Nullable String targetTable,
            @Nullable List<String> primaryKey,
            boolean exclude) {
        this(
                database,
                table,
                targetSchema,
                targetTable,
                primaryKey,
                exclude,
                ChangeRetention.LATEST);
    }

    public static RouteRule from(TableRule rule) {
        return new RouteRule(
                rule.database(),
                rule.table(),
                rule.targetSchema().orElse(null),
                rule.targetTable().orElse(null),
                rule.primaryKey(),
                rule.exclude(),
                rule.history() ? ChangeRetention.EVERY : ChangeRetention.LATEST,
                rule.keyless().isPresent() || rule.deletes() == DeleteHandling.SOFT
                        ? rule.keylessMode(KeylessMode.MIRROR)
                        : null);
    }

    /** A rule naming a target table and key columns, for tests and code-built jobs. */
    public static RouteRule of(String database, String table, String targetTable, String... pk) {
        return new RouteRule(
                Pattern.compile(database),
                Pattern.compile(table),
                null,
                targetTable,
                List.of(pk),
                false);
    }

    public boolean matches(String db, String tbl) {
        return database.matcher(db).matches() && table.matcher(tbl).matches();
    }

    public Pattern database() {
        return database;
    }

    public Pattern table() {
        return table;
    }

    /** The rule's target schema, or null: the naming decides. */
    @Nullable
    public String targetSchema() {
        return targetSchema;
    }

    /** The rule's target table, or null: the naming decides. */
    @Nullable
    public String targetTable() {
        return targetTable;
    }

    /** The key columns for tables whose events name none; empty: none. */
    public List<String> primaryKey() {
        return primaryKey;
    }

    public boolean exclude() {
        return exclude;
    }

    public ChangeRetention retention() {
        return retention;
    }

    /** How the tables are written if they have no key; {@code fallback} when the rule says not. */
    public KeylessMode keyless(KeylessMode fallback) {
        return keyless == null ? fallback : keyless;
    }

    /** Patterns compare by identity, as {@link Pattern} does. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RouteRule)) {
            return false;
        }
        RouteRule other = (RouteRule) o;
        return database.equals(other.database)
                && table.equals(other.table)
                && Objects.equals(targetSchema, other.targetSchema)
                && Objects.equals(targetTable, other.targetTable)
                && primaryKey.equals(other.primaryKey)
                && exclude == other.exclude
                && retention == other.retention
                && keyless == other.keyless;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                database,
                table,
                targetSchema,
                targetTable,
                primaryKey,
                exclude,
                retention,
                keyless);
    }

    @Override
    public String toString() {
        return "RouteRule[database="
                + database
                + ", table="
                + table
                + ", targetSchema="
                + targetSchema
                + ", targetTable="
                + targetTable
                + ", primaryKey="
                + primaryKey
                + ", exclude="
                + exclude
                + ", retention="
                + retention
                + ", keyless="
                + keyless
                + "]";
    }
}
