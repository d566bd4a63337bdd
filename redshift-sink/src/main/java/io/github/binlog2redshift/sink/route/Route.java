package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;

/**
 * Where one source table's changes go, and the key columns its rule names (empty: none; the event's
 * own key columns take precedence).
 */
public record Route(TargetTable target, List<String> rulePrimaryKey) {

    public Route {
        rulePrimaryKey = List.copyOf(rulePrimaryKey);
    }
}
