package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.PartitionKey;
import io.github.binlog2redshift.sink.deadletter.DeadLetter;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.format.ChangeDecoder;
import io.github.binlog2redshift.sink.format.EventCopies;
import io.github.binlog2redshift.sink.format.ParsedRecord;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.route.ChangeRetention;
import io.github.binlog2redshift.sink.route.Route;
import io.github.binlog2redshift.sink.route.RoutedChange;
import io.github.binlog2redshift.sink.route.RowKeys;
import io.github.binlog2redshift.sink.route.TableRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka record in, routed and keyed changes out. Tombstones are counted and skipped; a record that
 * cannot be used goes whole (original bytes) to {@link #DEAD_LETTERS} with its reason, and the job
 * carries on: one bad record must never become a crash loop (the reference's bug 5).
 *
 * <p>The key columns of an event are its own, else its table rule's, else none (see {@link
 * RowKeys}); the chosen ones are written into the event so the apply side uses the same.
 */
public final class ParseRouteFunction extends ProcessFunction<KafkaRecord, RoutedChange> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ParseRouteFunction.class);

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", DeadLetter.typeInfo());

    private final ChangeDecoder decoder;
    private final TableRouter router;
    private final boolean deadLettersEnabled;
    private final ValueGuard values;
    private transient IngestMetrics metrics;

    /**
     * @param deadLettersEnabled false: a record that cannot be used fails the job instead, naming
     *     the reason and the record's coordinates
     */
    public ParseRouteFunction(
            ChangeDecoder decoder, TableRouter router, boolean deadLettersEnabled) {
        this(decoder, router, deadLettersEnabled, IngestOptions.DEFAULT_VALUES);
    }

    /**
     * @param values checks values against what their warehouse columns hold
     */
    public ParseRouteFunction(
            ChangeDecoder decoder,
            TableRouter router,
            boolean deadLettersEnabled,
            ValueGuard values) {
        this.decoder = decoder;
        this.router = router;
        this.deadLettersEnabled = deadLettersEnabled;
        this.values = values;
    }

    @Override
    public void open(OpenContext context) {
        metrics = new IngestMetrics(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(KafkaRecord record, Context ctx, Collector<RoutedChange> out) {
        if (record.isTombstone()) {
            metrics.tombstone();
            return;
        }
        List<RoutedChange> routed;
        try {
            routed = routeAll(record);
        } catch (RejectedRecordException e) {
            reject(record, e.reason(), e.getMessage(), ctx);
            return;
        } catch (PartitionKey.MissingKeyValueException e) {
            reject(record, RejectReason.MISSING_KEY_VALUE, e.getMessage(), ctx);
            return;
        } catch (RuntimeException e) {
            // Bad input must not stop the job, whatever the parser threw.
            reject(record, RejectReason.MALFORMED, e.toString(), ctx);
            return;
        }
        // Emitted only when every row of the record was good: a dead letter is replayed whole.
        for (RoutedChange change : routed) {
            metrics.eventIn(change.target(), change.event().source().timestampMs());
            out.collect(change);
        }
    }

    private List<RoutedChange> routeAll(KafkaRecord record) {
        ParsedRecord parsed = decoder.decode(record.topic(), record.key(), record.value());
        if (parsed.isSkipped()) {
            metrics.skipped();
            return List.of();
        }
        List<RoutedChange> routed = new ArrayList<>(parsed.events().size());
        for (ChangeEvent event : parsed.events()) {
            Optional<Route> route = router.route(event.table());
            if (route.isEmpty()) {
                metrics.excluded();
                continue;
            }
            // The key first: the checks need to know the key columns (NOT NULL in the warehouse).
            ChangeEvent keyed = withRuleKey(route.get(), event);
            ChangeEvent checked = values.check(route.get().target(), keyed);
            checkReplacedImage(route.get(), checked);
            routed.add(keyed(route.get(), checked, record));
        }
        return routed;
    }

    /**
     * A mirrored keyless table stages an UPDATE's before image as a row of its own (the row it
     * replaces), so that image must pass the value checks too.
     */
    private void checkReplacedImage(Route route, ChangeEvent e) {
        if (e.op() == Op.UPDATE
                && e.primaryKey().isEmpty()
                && route.keyless() == KeylessMode.MIRROR
                && e.before() != null) {
            values.check(
                    route.target(),
                    ChangeEvent.delete(
                            e.table(),
                            e.before(),
                            e.source(),
                            e.tsMs(),
                            e.primaryKey(),
                            e.columns()));
        }
    }

    /** The event's own key columns, else its table rule's. */
    static ChangeEvent withRuleKey(Route route, ChangeEvent e) {
        if (e.primaryKey().isEmpty() && !route.rulePrimaryKey().isEmpty()) {
            return EventCopies.withPrimaryKey(e, route.rulePrimaryKey());
        }
        return e;
    }

    static RoutedChange keyed(Route route, ChangeEvent event, KafkaRecord record) {
        ChangeEvent e = withRuleKey(route, event);
        if (e.op() == Op.SCHEMA_CHANGE) {
            return new RoutedChange(
                    route.target(),
                    RowKeys.schemaChange(route.target()),
                    e,
                    record.topic(),
                    record.partition(),
                    record.offset());
        }
        requireCompletableImage(route, e);
        if (e.primaryKey().isEmpty() && route.keyless() == KeylessMode.MIRROR) {
            // Mirrored as a multiset: every change counts, all of the table's meet on one key.
            requireFullBeforeImage(route, e);
            return new RoutedChange(
                    route.target(),
                    RowKeys.keylessTable(route.target()),
                    e,
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    ChangeRetention.EVERY);
        }
        // A keyless change log: every change is a row of it.
        ChangeRetention retention =
                e.primaryKey().isEmpty() ? ChangeRetention.EVERY : route.retention();
        return new RoutedChange(
                route.target(),
                RowKeys.row(route.target(), e.primaryKey(), e.keyImage()),
                e,
                record.topic(),
                record.partition(),
                record.offset(),
                retention);
    }

    /**
     * An UPDATE of a mirrored table without a key replaces one row equal to its before image, so it
     * needs all of it: a missing or partial before image (MySQL binlog_row_image other than FULL,
     * DMS without its before-image settings) cannot be applied exactly and is refused.
     */
    private static void requireFullBeforeImage(Route route, ChangeEvent e) {
        if (e.op() != Op.UPDATE) {
            return;
        }
        if (e.before() == null || !e.before().keySet().containsAll(e.after().keySet())) {
            throw new RejectedRecordException(
                    RejectReason.MISSING_IMAGE,
                    "an UPDATE of "
                            + e.table()
                            + " (no key; mirrored into "
                            + route.target()
                            + ") carries "
                            + (e.before() == null ? "no" : "a partial")
                            + " before image, so the row it replaces cannot be found: capture full"
                            + " row images (MySQL binlog_row_image=FULL, DMS before-image settings)"
                            + " or keep the table as a change log (table rule keyless=append)");
        }
    }

    /**
     * A partial row image (binlog_row_image MINIMAL/NOBLOB) can be completed only from the row's
     * earlier image, by key: a table without a key, or one whose every change is kept (history),
     * would get a row with the columns it did not receive made up, so such a change is refused.
     * cdc-source completes an UPDATE from its before image, so this is mostly an INSERT whose
     * omitted columns took their DEFAULT.
     */
    private static void requireCompletableImage(Route route, ChangeEvent e) {
        if (!e.partialImage()
                || e.op() == Op.DELETE
                || (!e.primaryKey().isEmpty() && route.retention() != ChangeRetention.EVERY)) {
            return;
        }
        throw new RejectedRecordException(
                RejectReason.MISSING_IMAGE,
                "a change of "
                        + e.table()
                        + " lacks columns "
                        + e.missingFrom(e.after())
                        + " (partial row image, binlog_row_image MINIMAL or NOBLOB) and "
                        + route.target()
                        + (e.primaryKey().isEmpty()
                                ? " has no key to complete it by"
                                : " keeps every change (history)")
                        + ": capture full row images or list every column in the INSERT");
    }

    private void reject(KafkaRecord record, RejectReason reason, String detail, Context ctx) {
        metrics.deadLetter(reason);
        if (!deadLettersEnabled) {
            throw new IllegalStateException(
                    "record "
                            + record.coordinates()
                            + " cannot be loaded ("
                            + reason.label()
                            + ": "
                            + detail
                            + ") and no dead-letter topic or path is configured");
        }
        LOG.warn("Dead letter {} from {}: {}", reason.label(), record.coordinates(), detail);
        ctx.output(
                DEAD_LETTERS, new DeadLetter(reason, detail, record, System.currentTimeMillis()));
    }
}
