package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.config.source.TablePkOverride;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.event.PartitionKey;
import io.github.binlog2redshift.event.SnapshotChunk;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.source.SourceChange;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.cdc.connectors.mysql.source.offset.BinlogOffset;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.source.SourceRecord;
import org.apache.flink.cdc.debezium.DebeziumDeserializationSchema;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MySQL source's deserializer: Debezium record -> {@link ChangeEvent} -> key and JSON bytes.
 *
 * <p>A record that cannot be converted or keyed (a key column without a value, an unexpected type)
 * becomes a dead letter carrying the reason, never an exception: an exception here would fail the
 * job, which would restart at the same binlog position and fail again. So does a change whose event
 * is larger than the producer sends ({@link EventSizeLimit}): it becomes a pointer to the row
 * (table, key, binlog position, size) without its body.
 *
 * <p>It also makes the range event that follows each snapshot chunk ({@link ChunkEvents}): a schema
 * change at the chunk's high watermark, positioned as the chunk's rows are.
 */
public final class ChangeEventDeserializer
        implements DebeziumDeserializationSchema<SourceChange>, ChunkEvents<SourceChange> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeEventDeserializer.class);

    private final List<TablePkOverride> overrides;
    private final EventSizeLimit limit;
    private final int positionEpoch;
    private transient SourceRecordConverter converter;

    /** With Kafka's default {@code max.request.size} of 1 MiB. */
    public ChangeEventDeserializer(List<TablePkOverride> overrides) {
        this(overrides, EventSizeLimit.of(1024 * 1024));
    }

    public ChangeEventDeserializer(List<TablePkOverride> overrides, EventSizeLimit limit) {
        this(overrides, limit, 0);
    }

    /** Positions of binlog history {@code positionEpoch} ({@code source.position-epoch}). */
    public ChangeEventDeserializer(
            List<TablePkOverride> overrides, EventSizeLimit limit, int positionEpoch) {
        this.overrides = List.copyOf(overrides);
        this.limit = limit;
        this.positionEpoch = positionEpoch;
    }

    @Override
    public void deserialize(SourceRecord record, Collector<SourceChange> out) {
        if (converter == null) {
            converter = new SourceRecordConverter(overrides, positionEpoch);
        }
        List<ChangeEvent> events;
        try {
            events = converter.convert(record);
        } catch (RuntimeException e) {
            out.collect(DeadLetters.unconvertible(record, e, limit));
            return;
        }
        for (ChangeEvent event : events) {
            out.collect(toSourceChange(event, limit));
        }
    }

    @Override
    public SourceChange of(TableId table, SnapshotChunk chunk, BinlogOffset high) {
        long tsMs =
                high.getTimestampSec() > 0
                        ? high.getTimestampSec() * 1000
                        : System.currentTimeMillis();
        // As SourcePositions reads a snapshot row SnapshotPositionEmitter moved to `high`.
        SourcePosition p =
                SourcePosition.binlog(
                                0, high.getFilename(), high.getPosition(), 0, null, true, tsMs)
                        .withEpoch(positionEpoch);
        ChangeEvent event =
                ChangeEvent.schemaChange(
                        table, chunk.statement(table), p, tsMs, List.of(), List.of());
        return toSourceChange(event, limit);
    }

    @Override
    public boolean isDeadLetter(SourceChange event) {
        return event.isDeadLetter();
    }

    static SourceChange toSourceChange(ChangeEvent event, EventSizeLimit limit) {
        byte[] value = ChangeEventJson.toBytes(event);
        byte[] key;
        try {
            // A DDL event is keyed by its table alone; its copies go to every partition anyway.
            List<String> keyColumns =
                    event.op() == Op.SCHEMA_CHANGE ? List.of() : event.primaryKey();
            key = PartitionKey.bytes(event.table(), keyColumns, event.keyImage());
        } catch (PartitionKey.MissingKeyValueException e) {
            LOG.warn("Dead letter for table {}: {}", event.table(), e.getMessage());
            return DeadLetters.unkeyed(event, value, e.getMessage(), limit);
        }
        if (!limit.fits(key.length, value.length)) {
            return DeadLetters.oversize(event, key, value.length, limit);
        }
        // The metrics' "last streamed change": snapshot rows and chunk ranges (positioned at a
        // chunk's high watermark, read before the binlog phase) carry none, so a position there
        // means the binlog is being streamed.
        SourcePosition p = event.source();
        boolean streamed = !p.snapshot();
        return new SourceChange(
                event.table().database(),
                event.table().table(),
                event.op(),
                key,
                value,
                null,
                streamed ? p.fileSequence() : 0,
                streamed ? p.position() : 0,
                streamed ? p.timestampMs() : 0);
    }

    @Override
    public TypeInformation<SourceChange> getProducedType() {
        return SourceChange.typeInfo();
    }
}
