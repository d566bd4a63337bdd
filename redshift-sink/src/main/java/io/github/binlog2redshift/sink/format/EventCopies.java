package io.github.binlog2redshift.sink.format;

import io.github.binlog2redshift.event.ChangeEvent;
import java.util.List;

/** Copies of a {@link ChangeEvent} with one part replaced (events are immutable). */
public final class EventCopies {

    private EventCopies() {}

    public static ChangeEvent withPrimaryKey(ChangeEvent e, List<String> primaryKey) {
        return new ChangeEvent(
                e.table(),
                e.op(),
                e.before(),
                e.after(),
                e.source(),
                e.tsMs(),
                primaryKey,
                e.columns(),
                e.ddl());
    }
}
