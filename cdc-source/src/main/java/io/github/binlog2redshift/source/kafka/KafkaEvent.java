package io.github.binlog2redshift.source.kafka;

import io.github.binlog2redshift.serde.CodecTypeInfo;
import io.github.binlog2redshift.serde.RecordCodec;
import io.github.binlog2redshift.source.serde.BinaryFields;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * One Kafka record to write: topic, key and value bytes, and the partition when it is fixed.
 *
 * <p>Two events are equal when all fields are, the key and value bytes by content.
 */
public final class KafkaEvent {

    public static final int BY_KEY = -1;

    private final String topic;
    private final byte[] key;
    @Nullable private final byte[] value;
    private final int partition;

    public KafkaEvent(String topic, byte[] key, @Nullable byte[] value, int partition) {
        this.topic = topic;
        this.key = key;
        this.value = value;
        this.partition = partition;
    }

    public static KafkaEvent byKey(String topic, byte[] key, @Nullable byte[] value) {
        return new KafkaEvent(topic, key, value, BY_KEY);
    }

    /** The target topic. */
    public String topic() {
        return topic;
    }

    /** The record key ({@code PartitionKey} bytes). */
    public byte[] key() {
        return key;
    }

    /** The record value. */
    @Nullable
    public byte[] value() {
        return value;
    }

    /**
     * The partition index for a DDL copy (one copy per partition), or {@link #BY_KEY} to let {@link
     * KeyHashPartitioner} hash the key.
     */
    public int partition() {
        return partition;
    }

    /** Flink type information with {@link Codec}, so an event never goes through Kryo. */
    public static TypeInformation<KafkaEvent> typeInfo() {
        return new CodecTypeInfo<>(new Codec());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KafkaEvent)) {
            return false;
        }
        KafkaEvent other = (KafkaEvent) o;
        return topic.equals(other.topic)
                && Arrays.equals(key, other.key)
                && Arrays.equals(value, other.value)
                && partition == other.partition;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(key), Arrays.hashCode(value), partition);
    }

    /** The record's form, with the lengths of the key and value instead of their bytes. */
    @Override
    public String toString() {
        return "KafkaEvent[topic="
                + topic
                + ", key="
                + length(key)
                + ", value="
                + length(value)
                + ", partition="
                + partition
                + "]";
    }

    private static String length(@Nullable byte[] b) {
        return b == null ? "null" : "byte[" + b.length + "]";
    }

    /** Version 1: topic, key, value (nullable), partition. */
    public static final class Codec implements RecordCodec<KafkaEvent> {

        private static final long serialVersionUID = 1L;

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Class<KafkaEvent> type() {
            return KafkaEvent.class;
        }

        @Override
        public void write(KafkaEvent e, DataOutputView out) throws IOException {
            BinaryFields.writeString(e.topic, out);
            BinaryFields.writeBytes(e.key, out);
            BinaryFields.writeBytes(e.value, out);
            out.writeInt(e.partition);
        }

        @Override
        public KafkaEvent read(int version, DataInputView in) throws IOException {
            return new KafkaEvent(
                    BinaryFields.readString(in),
                    BinaryFields.readBytes(in),
                    BinaryFields.readBytes(in),
                    in.readInt());
        }
    }
}
