package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.TableSelection;
import io.github.binlog2redshift.config.sink.TargetNaming;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which source tables the sink loads and where they go: {@link TableSelection} in a form Flink can
 * ship to its tasks.
 *
 * @param defaultSchema the schema for {@link TargetNaming#DB_TABLE} and {@link
 *     TargetNaming#TABLE_ONLY}
 * @param include regexes matched against the whole {@code db.table}; empty: every table
 * @param exclude regexes matched against the whole {@code db.table}; an excluded table's events are
 *     counted and dropped, not dead-lettered
 * @param rules per-table rules, the first match wins
 */
public record RoutingOptions(
        String defaultSchema,
        TargetNaming naming,
        List<Pattern> include,
        List<Pattern> exclude,
        List<RouteRule> rules)
        implements Serializable {

    public RoutingOptions {
        Objects.requireNonNull(naming, "target naming");
        if (naming != TargetNaming.SCHEMA_PER_DATABASE
                && (defaultSchema == null || defaultSchema.isBlank())) {
            throw new IllegalArgumentException(
                    "target naming "
                            + naming
                            + " needs a target schema, got '"
                            + defaultSchema
                            + "'");
        }
        include = include == null ? List.of() : List.copyOf(include);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static RoutingOptions from(TableSelection tables) {
        return new RoutingOptions(
                tables.defaultSchema(),
                tables.naming(),
                tables.include(),
                tables.exclude(),
                tables.rules().stream().map(RouteRule::from).toList());
    }

    /** Every table, the given naming, no rules. */
    public static RoutingOptions of(TargetNaming naming, String defaultSchema) {
        return new RoutingOptions(defaultSchema, naming, List.of(), List.of(), List.of());
    }
}
