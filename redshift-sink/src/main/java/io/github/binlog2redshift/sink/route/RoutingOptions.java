package io.github.binlog2redshift.sink.route;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which source tables the sink loads and where they go.
 *
 * @param targetSchema the schema for {@link TableNaming#DATABASE_PREFIX} and {@link
 *     TableNaming#TABLE_ONLY}
 * @param include regexes matched against the whole {@code db.table}; empty: every table
 * @param exclude regexes matched against the whole {@code db.table}; an excluded table's events are
 *     counted and dropped, not dead-lettered
 * @param rules per-table rules, the first match wins
 */
public record RoutingOptions(
        String targetSchema,
        TableNaming naming,
        List<Pattern> include,
        List<Pattern> exclude,
        List<RouteRule> rules)
        implements Serializable {

    public RoutingOptions {
        Objects.requireNonNull(naming, "table naming");
        if (naming != TableNaming.SCHEMA_PER_DATABASE
                && (targetSchema == null || targetSchema.isBlank())) {
            throw new IllegalArgumentException(
                    "table naming "
                            + naming
                            + " needs a target schema, got '"
                            + targetSchema
                            + "'");
        }
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Every table, default naming, no rules. */
    public static RoutingOptions defaults(String targetSchema) {
        return new RoutingOptions(
                targetSchema, TableNaming.SCHEMA_PER_DATABASE, List.of(), List.of(), List.of());
    }
}
