package io.github.binlog2redshift.sink.dedupe;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The changes of one key that are all kept ({@link
 * io.github.binlog2redshift.sink.route.ChangeRetention#EVERY}), in source order.
 *
 * <p>Sorted by source position; the sort is stable, so changes at equal positions keep their
 * arrival order (one partition: offset order). Changes of a key <em>with key columns</em> at the
 * same position are collapsed to the one {@link ChangeOrder} calls newer: the merge picks the
 * newest change per key by position ({@code keep-latest} in {@code docs/tables.md}), and two rows
 * at one position could not be told apart there. That only happens with inputs without binlog
 * coordinates (DMS, Canal: every position is zero), whose history then keeps the newest change per
 * key per interval, as before, or with one change delivered twice (cdc-source's at-least-once
 * delivery). Keyless rows are collapsed only when their position is one change's own, a binlog
 * change's (file sequence 1 or more, not a snapshot read): then they are that change delivered
 * twice. Two identical inserts at two positions, two identical rows of one snapshot chunk (which
 * share its watermark) and identical changes of inputs without binlog coordinates are all kept:
 * each is a row of an append-only table. The merge skips changes a table got in an earlier interval
 * ({@code ReplayGuard}) on the same rule.
 */
final class EveryChangeOrder {

    private static final Comparator<RoutedChange> BY_POSITION =
            Comparator.comparing((RoutedChange c) -> c.event().source());

    private EveryChangeOrder() {}

    /** {@code changes} (one key, arrival order) in source order, collapsed as described above. */
    static List<RoutedChange> inSourceOrder(List<RoutedChange> changes) {
        List<RoutedChange> sorted = new ArrayList<>(changes);
        sorted.sort(BY_POSITION);
        List<RoutedChange> kept = new ArrayList<>(sorted.size());
        for (RoutedChange c : sorted) {
            int last = kept.size() - 1;
            if (last >= 0 && collapses(kept.get(last), c)) {
                if (ChangeOrder.supersedes(c, kept.get(last))) {
                    kept.set(last, c);
                }
            } else {
                kept.add(c);
            }
        }
        return kept;
    }

    private static boolean collapses(RoutedChange held, RoutedChange incoming) {
        ChangeEvent e = incoming.event();
        return e.source().compareTo(held.event().source()) == 0
                && (!e.primaryKey().isEmpty() || ownsPosition(e));
    }

    private static boolean ownsPosition(ChangeEvent e) {
        return e.op() != Op.READ && e.source().fileSequence() > 0;
    }
}
