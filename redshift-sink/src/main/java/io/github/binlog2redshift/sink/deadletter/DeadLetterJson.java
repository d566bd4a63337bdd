package io.github.binlog2redshift.sink.deadletter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.binlog2redshift.sink.kafka.KafkaRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.annotation.Nullable;

/**
 * Writes a {@link DeadLetter} as JSON within a size. The record's key and value go in as base64,
 * which makes them a third longer: a value of 750 KB already passes Kafka's default 1 MiB. When the
 * whole does not fit, {@code "cut": true} is added and the key gives way if that is enough ({@code
 * key} and {@code key_base64} become {@code key_bytes}), else the value: {@code value_base64}
 * becomes {@code value_prefix_base64} (its first bytes that fit) with {@code value_bytes} (its
 * length), and the key goes too if it still does not fit. Topic, partition and offset always point
 * at the original record.
 */
final class DeadLetterJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Room for the fields a cut adds and the quotes around the prefix. */
    private static final int CUT_FIELDS = 128;

    private DeadLetterJson() {}

    static byte[] write(DeadLetter letter, int maxBytes) {
        KafkaRecord record = letter.record();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("reason", letter.reason().label());
        n.put("detail", letter.detail());
        n.put("topic", record.topic());
        n.put("partition", record.partition());
        n.put("offset", record.offset());
        n.put("key", utf8OrNull(record.key()));
        n.put("key_base64", base64(record.key()));
        n.put("value_base64", base64(record.value()));
        n.put("ts", letter.timestampMs());
        byte[] whole = bytes(n, letter);
        if (whole.length <= maxBytes) {
            return whole;
        }
        n.put("cut", true);
        ObjectNode withoutKey = n.deepCopy();
        dropKey(withoutKey, record);
        byte[] keyless = bytes(withoutKey, letter);
        if (keyless.length <= maxBytes) {
            return keyless; // the key was the bulk: the value stays whole
        }
        n.remove("value_base64");
        if (bytes(n, letter).length + CUT_FIELDS > maxBytes) {
            dropKey(n, record);
        }
        String detail = letter.detail();
        if (bytes(n, letter).length + CUT_FIELDS > maxBytes && detail != null) {
            n.put("detail", detail.substring(0, Math.min(detail.length(), 1000)));
        }
        byte[] value = record.value() == null ? new byte[0] : record.value();
        int room = maxBytes - bytes(n, letter).length - CUT_FIELDS;
        int prefix = Math.max(0, Math.min(value.length, room / 4 * 3));
        n.put("value_prefix_base64", base64(Arrays.copyOf(value, prefix)));
        n.put("value_bytes", value.length);
        return bytes(n, letter);
    }

    private static void dropKey(ObjectNode n, KafkaRecord record) {
        if (record.key() != null) {
            n.remove("key");
            n.remove("key_base64");
            n.put("key_bytes", record.key().length);
        }
    }

    private static byte[] bytes(ObjectNode n, DeadLetter letter) {
        try {
            return MAPPER.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write dead letter of " + letter.record().coordinates(), e);
        }
    }

    @Nullable
    private static String base64(@Nullable byte[] b) {
        return b == null ? null : Base64.getEncoder().encodeToString(b);
    }

    @Nullable
    private static String utf8OrNull(@Nullable byte[] b) {
        if (b == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
