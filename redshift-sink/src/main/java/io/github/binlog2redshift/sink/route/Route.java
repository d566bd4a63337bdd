package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.Objects;

/**
 * Where one source table's changes go, the key columns its rule names (empty: none; the event's own
 * key columns take precedence), and how many changes per key the dedupe keeps for rows with a key
 * ({@link ChangeRetention#EVERY} for {@code history} tables; rows without a key always keep every
 * change).
 */
public record Route(TargetTable target, List<String> rulePrimaryKey, ChangeRetention retention) {

    public Route {
        Objects.requireNonNull(retention, "retention");
        rulePrimaryKey = List.copyOf(rulePrimaryKey);
    }

    /** A route that keeps the newest change per key. */
    public Route(TargetTable target, List<String> rulePrimaryKey) {
        this(target, rulePrimaryKey, ChangeRetention.LATEST);
    }
}
