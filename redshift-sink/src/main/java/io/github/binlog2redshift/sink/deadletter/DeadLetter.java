package io.github.binlog2redshift.sink.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import io.github.binlog2redshift.sink.serde.BinaryFields;
import io.github.binlog2redshift.sink.serde.CodecTypeInfo;
import io.github.binlog2redshift.sink.serde.RecordCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reason", reason.label());
        n.put("detail", detail);
        n.put("topic", record.topic());
        n.put("partition", record.partition());
        n.put("offset", record.offset());
        n.put("key", utf8OrNull(record.key()));
        n.put("key_base64", base64(record.key()));
        n.put("value_base64", base64(record.value()));
        n.put("ts", timestampMs);
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write dead letter of " + record.coordinates(), e);
        }
    }

    private static String base64(byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    private static String utf8OrNull(byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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
