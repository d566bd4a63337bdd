package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ChangeEvent;
import java.util.Objects;

/**
 * The latest change of one key in one checkpoint interval, routed to its warehouse table: what the
 * dedupe stage hands to the staging writer. Schema changes travel as the same type, in order with
 * the data of their table.
 */
public final class StagedChange {

    private final TargetTable target;
    private final ChangeEvent event;

    public StagedChange(TargetTable target, ChangeEvent event) {
        this.target = Objects.requireNonNull(target, "target");
        this.event = Objects.requireNonNull(event, "event");
    }

    public TargetTable target() {
        return target;
    }

    public ChangeEvent event() {
        return event;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof StagedChange)) {
            return false;
        }
        StagedChange other = (StagedChange) o;
        return target.equals(other.target) && event.equals(other.event);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, event);
    }

    @Override
    public String toString() {
        return "StagedChange[target=" + target + ", event=" + event + "]";
    }
}
