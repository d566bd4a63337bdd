package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.event.ChangeEvent;
import java.util.Objects;

/**
 * The latest change of one key in one checkpoint interval, routed to its warehouse table: what the
 * dedupe stage hands to the staging writer. Schema changes travel as the same type, in order with
 * the data of their table.
 */
public record StagedChange(TargetTable target, ChangeEvent event) {

    public StagedChange {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(event, "event");
    }
}
