package io.github.binlog2redshift.sink.kafka;

import io.github.binlog2redshift.sink.serde.BinaryFields;
import io.github.binlog2redshift.sink.serde.CodecTypeInfo;
import io.github.binlog2redshift.sink.serde.RecordCodec;
import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * One Kafka record as read, untouched: the original key and value bytes (either may be null; a null
 * value is a tombstone) and where it came from. Kept raw until parsing so that a record that cannot
 * be parsed reaches the dead-letter output byte for byte.
 *
 * @param timestampMs the Kafka record timestamp
 */
public record KafkaRecord(
        String topic, int partition, long offset, long timestampMs, byte[] key, byte[] value) {

    public KafkaRecord {
        Objects.requireNonNull(topic, "topic");
    }

    public boolean isTombstone() {
        return value == null;
    }

    /** {@code topic-partition@offset}, for logs and dead-letter reasons. */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
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
