package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.annotation.Nullable;

/**
 * Maps a source table to its warehouse table, or to nothing when the table is not loaded (not
 * included, excluded, or matched by an {@code exclude} rule). Same rules as the config's {@code
 * TableSelection}: the rule's target schema/table where given, else the naming. The answer per
 * table is computed once: there are few tables and many events. With {@link TargetClaims}, a table
 * whose target another source table claimed first is refused ({@code target_collision}).
 */
public final class TableRouter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RoutingOptions options;
    @Nullable private final TargetClaims claims;
    private transient Map<TableId, Optional<Route>> cache;

    public TableRouter(RoutingOptions options) {
        this(options, null);
    }

    /**
     * @param claims refuses tables whose target another source table claimed first; null: none
     */
    public TableRouter(RoutingOptions options, @Nullable TargetClaims claims) {
        this.options = options;
        this.claims = claims;
    }

    /**
     * The table's route; empty when it is not loaded.
     *
     * @throws io.github.binlog2redshift.sink.format.RejectedRecordException ({@code
     *     target_collision}) when its target was claimed by another source table first
     */
    public Optional<Route> route(TableId source) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        Optional<Route> route = cache.computeIfAbsent(source, this::resolve);
        if (claims != null && route.isPresent()) {
            claims.check(source, route.get());
        }
        return route;
    }

    private Optional<Route> resolve(TableId source) {
        String qualified = source.database() + "." + source.table();
        if (!(options.include().isEmpty() || matchesAny(options.include(), qualified))
                || matchesAny(options.exclude(), qualified)) {
            return Optional.empty();
        }
        RouteRule rule =
                options.rules().stream()
                        .filter(r -> r.matches(source.database(), source.table()))
                        .findFirst()
                        .orElse(null);
        if (rule != null && rule.exclude()) {
            return Optional.empty();
        }
        var byNaming =
                options.naming()
                        .resolve(options.defaultSchema(), source.database(), source.table());
        String schema =
                rule != null && rule.targetSchema() != null
                        ? rule.targetSchema()
                        : byNaming.schema();
        String table =
                rule != null && rule.targetTable() != null ? rule.targetTable() : byNaming.table();
        return Optional.of(
                new Route(
                        new TargetTable(schema, table),
                        rule == null ? List.of() : rule.primaryKey(),
                        rule == null ? ChangeRetention.LATEST : rule.retention(),
                        rule == null ? options.keyless() : rule.keyless(options.keyless())));
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).matches());
    }
}
