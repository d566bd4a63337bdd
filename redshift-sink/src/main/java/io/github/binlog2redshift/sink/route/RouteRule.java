package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.TableRule;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The routing part of a {@code sink.tables} rule ({@link TableRule}), in a serializable form (the
 * config records hold {@code Optional}s, which Flink cannot ship to its tasks): which source tables
 * (regexes matched against the whole database and table name, never a substring: the reference's
 * bug 2), the target schema and table where the rule names them (else null), the key columns for
 * tables whose events name none (empty: none), whether the tables are excluded, and whether they
 * keep a change history (then the dedupe passes every change through, see {@link ChangeRetention}).
 */
public record RouteRule(
        Pattern database,
        Pattern table,
        String targetSchema,
        String targetTable,
        List<String> primaryKey,
        boolean exclude,
        ChangeRetention retention)
        implements Serializable {

    public RouteRule {
        Objects.requireNonNull(database, "database pattern");
        Objects.requireNonNull(table, "table pattern");
        Objects.requireNonNull(retention, "retention");
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }

    /** A rule whose tables keep the newest change per key. */
    public RouteRule(
            Pattern database,
            Pattern table,
            String targetSchema,
            String targetTable,
            List<String> primaryKey,
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
                rule.history() ? ChangeRetention.EVERY : ChangeRetention.LATEST);
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
}
