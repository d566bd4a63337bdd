package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps a source table to its warehouse table, or to nothing when the table is not included. The
 * answer per table is computed once and cached: there are few tables and many events.
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
        boolean included =
                options.include().isEmpty()
                        || matchesAny(options.include().toArray(Pattern[]::new), qualified);
        if (!included || matchesAny(options.exclude().toArray(Pattern[]::new), qualified)) {
            return Optional.empty();
        }
        for (RouteRule rule : options.rules()) {
            if (rule.matches(source.database(), source.table())) {
                return Optional.of(
                        new Route(target(source, rule.targetTable()), rule.primaryKey()));
            }
        }
        return Optional.of(new Route(target(source, null), java.util.List.of()));
    }

    private TargetTable target(TableId source, String ruleTarget) {
        if (ruleTarget == null) {
            return options.naming().target(source, options.targetSchema());
        }
        int dot = ruleTarget.indexOf('.');
        return dot >= 0
                ? new TargetTable(ruleTarget.substring(0, dot), ruleTarget.substring(dot + 1))
                : new TargetTable(
                        options.naming().schemaFor(source, options.targetSchema()), ruleTarget);
    }

    private static boolean matchesAny(Pattern[] patterns, String text) {
        for (Pattern p : patterns) {
            if (p.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }
}
