package io.github.binlog2redshift.sink.deadletter;

import io.github.binlog2redshift.serde.CodecTypeInfo;
import io.github.binlog2redshift.serde.RecordCodec;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.serde.BinaryFields;
import java.io.IOException;
import java.util.Objects;
import javax.annotation.Nullable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A Kafka record the sink could not use, with why and where it came from, and the original bytes so
 * it can be inspected, fixed and replayed.
 */
public final class DeadLetter {

    private final RejectReason reason;
    @Nullable private final String detail;
    private final KafkaRecord record;
    private final long timestampMs;

    public DeadLetter(
            RejectReason reason, @Nullable String detail, KafkaRecord record, long timestampMs) {
        this.reason = Objects.requireNonNull(reason, "reason");
        this.detail = detail;
        this.record = Objects.requireNonNull(record, "record");
        this.timestampMs = timestampMs;
    }

    public RejectReason reason() {
        return reason;
    }

    /** The reason in words, e.g. which key column is missing. */
    @Nullable
    public String detail() {
        return detail;
    }

    public KafkaRecord record() {
        return record;
    }

    /** When the sink rejected it. */
    public long timestampMs() {
        return timestampMs;
    }

    /**
     * The dead-letter JSON: {@code reason}, {@code detail}, {@code topic}, {@code partition},
     * {@code offset}, {@code key} (the key as text when it is UTF-8, else null), {@code
     * key_base64}, {@code value_base64} and {@code ts} (rejection time, epoch ms).
     */
    public byte[] toJson() {
        return DeadLetterJson.write(this, Integer.MAX_VALUE);
    }

    /**
     * {@link #toJson()} in at most {@code maxBytes}: when it would be longer, the value (then the
     * key) is cut to a prefix, see {@link DeadLetterJson}.
     */
    public byte[] toJson(int maxBytes) {
        return DeadLetterJson.write(this, maxBytes);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeadLetter)) {
            return false;
        }
        DeadLetter other = (DeadLetter) o;
        return reason == other.reason
                && Objects.equals(detail, other.detail)
                && record.equals(other.record)
                && timestampMs == other.timestampMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, record, timestampMs);
    }

    @Override
    public String toString() {
        return "DeadLetter[reason="
                + reason
                + ", detail="
                + detail
                + ", record="
                + record
                + ", timestampMs="
                + timestampMs
                + "]";
    }

    public static TypeInformation<DeadLetter> typeInfo() {
        return new CodecTypeInfo<>(new Codec());
    }

    /** Version 1: reason name, detail, the Kafka record (its own layout), timestamp. */
    public static final class Codec implements RecordCodec<DeadLetter> {
        private static final long serialVersionUID = 1L;
        private final KafkaRecord.Codec records = new KafkaRecord.Codec();

        @Override
        public int version() {
            return 1;
        }

        @Override
        public Class<DeadLetter> type() {
            return DeadLetter.class;
        }

        @Override
        public void write(DeadLetter d, DataOutputView out) throws IOException {
            BinaryFields.writeString(d.reason.name(), out);
            BinaryFields.writeString(d.detail, out);
            records.write(d.record, out);
            out.writeLong(d.timestampMs);
        }

        @Override
        public DeadLetter read(int version, DataInputView in) throws IOException {
            RejectReason reason = RejectReason.valueOf(BinaryFields.readString(in));
            String detail = BinaryFields.readString(in);
            KafkaRecord record = records.read(records.version(), in);
            return new DeadLetter(reason, detail, record, in.readLong());
        }
    }
}
