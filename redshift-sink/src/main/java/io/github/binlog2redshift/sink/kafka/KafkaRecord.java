package io.github.binlog2redshift.sink.kafka;

import io.github.binlog2redshift.serde.CodecTypeInfo;
import io.github.binlog2redshift.serde.RecordCodec;
import io.github.binlog2redshift.sink.serde.BinaryFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * One Kafka record as read, untouched: the original key and value bytes (either may be null; a null
 * value is a tombstone) and where it came from. Kept raw until parsing so that a record that cannot
 * be parsed reaches the dead-letter output byte for byte. Two records are equal when their
 * coordinates, timestamps and key and value bytes are (by content).
 */
public final class KafkaRecord {

    private final String topic;
    private final int partition;
    private final long offset;
    private final long timestampMs;
    @Nullable private final byte[] key;
    @Nullable private final byte[] value;

    public KafkaRecord(
            String topic,
            int partition,
            long offset,
            long timestampMs,
            @Nullable byte[] key,
            @Nullable byte[] value) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.partition = partition;
        this.offset = offset;
        this.timestampMs = timestampMs;
        this.key = key;
        this.value = value;
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

    /** The Kafka record timestamp. */
    public long timestampMs() {
        return timestampMs;
    }

    /** The key bytes as read (not a copy), or null. */
    @Nullable
    public byte[] key() {
        return key;
    }

    /** The value bytes as read (not a copy), or null for a tombstone. */
    @Nullable
    public byte[] value() {
        return value;
    }

    public boolean isTombstone() {
        return value == null;
    }

    /** {@code topic-partition@offset}, for logs and dead-letter reasons. */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KafkaRecord)) {
            return false;
        }
        KafkaRecord other = (KafkaRecord) o;
        return topic.equals(other.topic)
                && partition == other.partition
                && offset == other.offset
                && timestampMs == other.timestampMs
                && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                topic,
                partition,
                offset,
                timestampMs,
                Arrays.hashCode(key),
                Arrays.hashCode(value));
    }

    /** The coordinates and the sizes of key and value, never their bytes. */
    @Override
    public String toString() {
        return "KafkaRecord[topic="
                + topic
                + ", partition="
                + partition
                + ", offset="
                + offset
                + ", timestampMs="
                + timestampMs
                + ", key="
                + size(key)
                + ", value="
                + size(value)
                + "]";
    }

    private static String size(@Nullable byte[] bytes) {
        return bytes == null ? "null" : bytes.length + " bytes";
    }

    public static TypeInformation<KafkaRecord> typeInfo() {
        return new CodecTypeInfo<>(new Codec());
    }

    /** Version 1: topic, partition, offset, timestamp, key, value. */
    public static final class Codec implements RecordCodec<KafkaRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Class<KafkaRecord> type() {
            return KafkaRecord.class;
        }

        @Override
        public void write(KafkaRecord r, DataOutputView out) throws IOException {
            BinaryFields.writeString(r.topic, out);
            out.writeInt(r.partition);
            out.writeLong(r.offset);
            out.writeLong(r.timestampMs);
            BinaryFields.writeBytes(r.key, out);
            BinaryFields.writeBytes(r.value, out);
        }

        @Override
        public KafkaRecord read(int version, DataInputView in) throws IOException {
            return new KafkaRecord(
                    BinaryFields.readString(in),
                    in.readInt(),
                    in.readLong(),
                    in.readLong(),
                    BinaryFields.readBytes(in),
                    BinaryFields.readBytes(in));
        }
    }
}
