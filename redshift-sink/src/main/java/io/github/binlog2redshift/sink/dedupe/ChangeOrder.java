package io.github.binlog2redshift.sink.dedupe;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.sink.route.RoutedChange;
import java.util.Comparator;
import java.util.Objects;

/**
 * Which of two changes of one key is the newer: last write wins by source position, never by
 * timestamp.
 *
 * <ol>
 *   <li>A greater {@link SourcePosition} is newer.
 *   <li>Equal positions (or none: DMS, Canal and Debezium without binlog coordinates all carry
 *       zero) fall back to arrival order: of two records of the same topic partition, the greater
 *       offset is newer; the same offset (rows of one Canal message) or different partitions: the
 *       one that arrived later is newer. That last case is the documented last resort; producers
 *       that partition by key never produce it.
 * </ol>
 *
 * Deletes are ordinary changes here: a delete newer than a buffered insert replaces it, and an
 * insert newer than a buffered delete replaces that, so a row deleted and inserted again ends up
 * present.
 */
public final class ChangeOrder {

    /** Schema changes in the order to apply them; arrival order among equal positions. */
    static final Comparator<RoutedChange> SCHEMA_CHANGES =
            Comparator.comparing((RoutedChange c) -> c.event().source());

    private ChangeOrder() {}

    /** True when {@code incoming} (arriving now) replaces {@code held} (arrived earlier). */
    public static boolean supersedes(RoutedChange incoming, RoutedChange held) {
        int c = incoming.event().source().compareTo(held.event().source());
        if (c != 0) {
            return c > 0;
        }
        if (incoming.partition() == held.partition() && incoming.topic().equals(held.topic())) {
            return incoming.offset() >= held.offset();
        }
        return true;
    }

    /**
     * True when {@code ddl} is a copy of {@code seen}, or older than it: cdc-source writes each DDL
     * to every partition, and copies read from lagging partitions arrive after the first one
     * (possibly checkpoints later, after newer DDL). Without binlog coordinates a DDL is identified
     * by its timestamp and text only; older copies cannot be told from new statements then.
     */
    static boolean isCopyOrOlder(ChangeEvent ddl, ChangeEvent seen) {
        SourcePosition p = ddl.source();
        SourcePosition q = seen.source();
        if (hasCoordinates(p) && hasCoordinates(q)) {
            int c = p.compareTo(q);
            return c < 0 || (c == 0 && Objects.equals(ddl.ddl(), seen.ddl()));
        }
        return p.timestampMs() == q.timestampMs() && Objects.equals(ddl.ddl(), seen.ddl());
    }

    private static boolean hasCoordinates(SourcePosition p) {
        return p.fileSequence() > 0 || p.position() > 0;
    }
}
