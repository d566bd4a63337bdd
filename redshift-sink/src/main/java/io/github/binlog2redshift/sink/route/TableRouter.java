package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a source table to its warehouse table, or to nothing when the table is not loaded (not
 * included, excluded, or matched by an {@code exclude} rule). Same rules as the config's {@code
 * TableSelection}: the rule's target schema/table where given, else the naming. The answer per
 * table is computed once: there are few tables and many events.
 */
public final class TableRouter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RoutingOptions options;
    private transient Map<TableId, Optional<Route>> cache;

    public TableRouter(RoutingOptions options) {
        this.options = options;
    }

    public Optional<Route> route(TableId source) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        return cache.computeIfAbsent(source, this::resolve);
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
                        rule == null ? ChangeRetention.LATEST : rule.retention()));
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).matches());
    }
}
