package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.TableSelection;
import io.github.binlog2redshift.config.sink.TargetNaming;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.Nullable;

/**
 * Which source tables the sink loads and where they go: {@link TableSelection} in a form Flink can
 * ship to its tasks.
 */
public final class RoutingOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    @Nullable private final String defaultSchema;
    private final TargetNaming naming;
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final List<RouteRule> rules;
    private final KeylessMode keyless;

    /** Options under which tables without a key are mirrored unless their rule says otherwise. */
    public RoutingOptions(
            @Nullable String defaultSchema,
            TargetNaming naming,
            @Nullable List<Pattern> include,
            @Nullable List<Pattern> exclude,
            @Nullable List<RouteRule> rules) {
        this(defaultSchema, naming, include, exclude, rules, KeylessMode.MIRROR);
    }

    /**
     * @param keyless how tables without a key are written unless their rule says ({@code
     *     sink.keyless-tables})
     */
    public RoutingOptions(
            @Nullable String defaultSchema,
            TargetNaming naming,
            @Nullable List<Pattern> include,
            @Nullable List<Pattern> exclude,
            @Nullable List<RouteRule> rules,
            KeylessMode keyless) {
        this.keyless = Objects.requireNonNull(keyless, "keyless");
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
        this.defaultSchema = defaultSchema;
        this.naming = naming;
        this.include = include == null ? List.of() : List.copyOf(include);
        this.exclude = exclude == null ? List.of() : List.copyOf(exclude);
        this.rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static RoutingOptions from(TableSelection tables) {
        return new RoutingOptions(
                tables.defaultSchema(),
                tables.naming(),
                tables.include(),
                tables.exclude(),
                tables.rules().stream()
                        .map(RouteRule::from)
                        .collect(Collectors.toUnmodifiableList()),
                tables.keylessTables());
    }

    /** Every table, the given naming, no rules. */
    public static RoutingOptions of(TargetNaming naming, String defaultSchema) {
        return new RoutingOptions(defaultSchema, naming, List.of(), List.of(), List.of());
    }

    /**
     * The schema for {@link TargetNaming#DB_TABLE} and {@link TargetNaming#TABLE_ONLY}; may be null
     * for {@link TargetNaming#SCHEMA_PER_DATABASE}.
     */
    @Nullable
    public String defaultSchema() {
        return defaultSchema;
    }

    public TargetNaming naming() {
        return naming;
    }

    /** Regexes matched against the whole {@code db.table}; empty: every table. */
    public List<Pattern> include() {
        return include;
    }

    /**
     * Regexes matched against the whole {@code db.table}; an excluded table's events are counted
     * and dropped, not dead-lettered.
     */
    public List<Pattern> exclude() {
        return exclude;
    }

    /** Per-table rules, the first match wins. */
    public List<RouteRule> rules() {
        return rules;
    }

    /**
     * How tables without a key are written unless their rule says ({@code sink.keyless-tables}).
     */
    public KeylessMode keyless() {
        return keyless;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RoutingOptions)) {
            return false;
        }
        RoutingOptions other = (RoutingOptions) o;
        return Objects.equals(defaultSchema, other.defaultSchema)
                && naming == other.naming
                && include.equals(other.include)
                && exclude.equals(other.exclude)
                && rules.equals(other.rules)
                && keyless == other.keyless;
    }

    @Override
    public int hashCode() {
        return Objects.hash(defaultSchema, naming, include, exclude, rules, keyless);
    }

    @Override
    public String toString() {
        return "RoutingOptions[defaultSchema="
                + defaultSchema
                + ", naming="
                + naming
                + ", include="
                + include
                + ", exclude="
                + exclude
                + ", rules="
                + rules
                + ", keyless="
                + keyless
                + "]";
    }
}
