package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.serde.ChangeEventParseException;
import io.github.binlog2redshift.serde.CodecTypeInfo;
import io.github.binlog2redshift.serde.DebeziumJsonReader;
import io.github.binlog2redshift.serde.RecordCodec;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.serde.BinaryFields;
import io.github.binlog2redshift.sink.serde.ChangeEventBinary;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A change routed to its warehouse table and keyed, with the Kafka coordinates it was read from
 * (the tie-breaker when source positions are equal or absent). This is what the dedupe state holds
 * per key, serialized by {@link Codec}.
 */
public final class RoutedChange {

    private final TargetTable target;
    private final String key;
    private final ChangeEvent event;
    private final String topic;
    private final int partition;
    private final long offset;
    private final ChangeRetention retention;

    public RoutedChange(
            TargetTable target,
            String key,
            ChangeEvent event,
            String topic,
            int partition,
            long offset,
            ChangeRetention retention) {
        this.target = Objects.requireNonNull(target, "target");
        this.key = Objects.requireNonNull(key, "key");
        this.event = Objects.requireNonNull(event, "event");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.retention = Objects.requireNonNull(retention, "retention");
    }

    /** A change of which only the newest per key is kept. */
    public RoutedChange(
            TargetTable target,
            String key,
            ChangeEvent event,
            String topic,
            int partition,
            long offset) {
        this(target, key, event, topic, partition, offset, ChangeRetention.LATEST);
    }

    public TargetTable target() {
        return target;
    }

    /** The same change, with {@code other} as its event (e.g. a partial image completed). */
    public RoutedChange withEvent(ChangeEvent other) {
        return new RoutedChange(target, key, other, topic, partition, offset, retention);
    }

    /** The dedupe key, see {@link RowKeys}. */
    public String key() {
        return key;
    }

    public ChangeEvent event() {
        return event;
    }

    public String topic() {
        return topic;
    }

    public int partition() {
        return partition;
    }

    public long offset() {
        return offset;
    }

    /** Whether the dedupe keeps only the newest change of the key or every change. */
    public ChangeRetention retention() {
        return retention;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RoutedChange)) {
            return false;
        }
        RoutedChange other = (RoutedChange) o;
        return target.equals(other.target)
                && key.equals(other.key)
                && event.equals(other.event)
                && topic.equals(other.topic)
                && partition == other.partition
                && offset == other.offset
                && retention == other.retention;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, key, event, topic, partition, offset, retention);
    }

    @Override
    public String toString() {
        return "RoutedChange[target="
                + target
                + ", key="
                + key
                + ", event="
                + event
                + ", topic="
                + topic
                + ", partition="
                + partition
                + ", offset="
                + offset
                + ", retention="
                + retention
                + "]";
    }

    public static TypeInformation<RoutedChange> typeInfo() {
        return new CodecTypeInfo<>(new Codec());
    }

    /**
     * Version 5: target, key, topic, partition, offset, event in {@link ChangeEventBinary}'s
     * layout, retention ordinal. Version 4, still read, lacked the event's partial-image flag (read
     * as full). Version 3, still read, lacked the position's epoch (read as 0). Versions 1 and 2,
     * still read because savepoints of the dedupe state hold them, had the event as change-event
     * JSON (a length-prefixed byte array) instead; version 1 also lacked the retention (read as
     * {@link ChangeRetention#LATEST}, the only behaviour then; state from version 1 holds only
     * schema changes, which always are LATEST).
     */
    public static final class Codec implements RecordCodec<RoutedChange> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return 5;
        }

        @Override
        public Class<RoutedChange> type() {
            return RoutedChange.class;
        }

        @Override
        public void write(RoutedChange c, DataOutputView out) throws IOException {
            BinaryFields.writeString(c.target.schema(), out);
            BinaryFields.writeString(c.target.name(), out);
            BinaryFields.writeString(c.key, out);
            BinaryFields.writeString(c.topic, out);
            out.writeInt(c.partition);
            out.writeLong(c.offset);
            ChangeEventBinary.write(c.event, out);
            out.writeByte(c.retention.ordinal());
        }

        @Override
        public RoutedChange read(int version, DataInputView in) throws IOException {
            TargetTable target =
                    new TargetTable(BinaryFields.readString(in), BinaryFields.readString(in));
            String key = BinaryFields.readString(in);
            String topic = BinaryFields.readString(in);
            int partition = in.readInt();
            long offset = in.readLong();
            ChangeEvent event = readEvent(version, in, target, key);
            ChangeRetention retention = ChangeRetention.LATEST;
            if (version >= 2) {
                int ordinal = in.readUnsignedByte();
                if (ordinal >= ChangeRetention.values().length) {
                    throw new IOException(
                            "unknown retention " + ordinal + " of buffered change for " + target);
                }
                retention = ChangeRetention.values()[ordinal];
            }
            return new RoutedChange(target, key, event, topic, partition, offset, retention);
        }

        private static ChangeEvent readEvent(
                int version, DataInputView in, TargetTable target, String key) throws IOException {
            try {
                if (version >= 5) {
                    return ChangeEventBinary.read(in);
                }
                if (version == 4) {
                    return ChangeEventBinary.readWithoutPartialFlag(in);
                }
                return version == 3
                        ? ChangeEventBinary.readWithoutEpoch(in)
                        : DebeziumJsonReader.read(BinaryFields.readBytes(in));
            } catch (IOException | ChangeEventParseException e) {
                throw new IOException("corrupt buffered change for " + target + " key " + key, e);
            }
        }
    }
}
