package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.sink.TargetTable;
import java.util.List;
import java.util.Objects;

/**
 * Where one source table's changes go, the key columns its rule names (empty: none; the event's own
 * key columns take precedence), and how many changes per key the dedupe keeps for rows with a key
 * ({@link ChangeRetention#EVERY} for {@code history} tables; rows without a key always keep every
 * change), and how rows without a key are written ({@link KeylessMode}).
 */
public final class Route {

    private final TargetTable target;
    private final List<String> rulePrimaryKey;
    private final ChangeRetention retention;
    private final KeylessMode keyless;

    /** A route whose rows without a key are mirrored. */
    public Route(TargetTable target, List<String> rulePrimaryKey, ChangeRetention retention) {
        this(target, rulePrimaryKey, retention, KeylessMode.MIRROR);
    }

    public Route(
            TargetTable target,
            List<String> rulePrimaryKey,
            ChangeRetention retention,
            KeylessMode keyless) {
        this.keyless = Objects.requireNonNull(keyless, "keyless");
        this.target = target;
        this.retention = Objects.requireNonNull(retention, "retention");
        this.rulePrimaryKey = List.copyOf(rulePrimaryKey);
    }

    /** A route that keeps the newest change per key. */
    public Route(TargetTable target, List<String> rulePrimaryKey) {
        this(target, rulePrimaryKey, ChangeRetention.LATEST);
    }

    public TargetTable target() {
        return target;
    }

    public List<String> rulePrimaryKey() {
        return rulePrimaryKey;
    }

    public ChangeRetention retention() {
        return retention;
    }

    /** How the table is written if its rows have no key. */
    public KeylessMode keyless() {
        return keyless;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Route)) {
            return false;
        }
        Route other = (Route) o;
        return Objects.equals(target, other.target)
                && rulePrimaryKey.equals(other.rulePrimaryKey)
                && retention == other.retention
                && keyless == other.keyless;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, rulePrimaryKey, retention, keyless);
    }

    @Override
    public String toString() {
        return "Route[target="
                + target
                + ", rulePrimaryKey="
                + rulePrimaryKey
                + ", retention="
                + retention
                + ", keyless="
                + keyless
                + "]";
    }
}
