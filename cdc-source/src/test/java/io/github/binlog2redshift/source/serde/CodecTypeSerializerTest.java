package io.github.binlog2redshift.source.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.source.SourceChange;
import io.github.binlog2redshift.source.kafka.KafkaEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The values that cross the cdc-source job's operator boundaries, through their codecs. */
class CodecTypeSerializerTest {

    @Test
    void sourceChangesRoundTripWithEveryOpAndNulls() throws IOException {
        TypeSerializer<SourceChange> serializer = serializer(SourceChange.typeInfo());
        for (Op op : Op.values()) {
            SourceChange change =
                    new SourceChange(
                            "shop",
                            "orders",
                            op,
                            bytes("shop.orders.1"),
                            bytes("{\"op\":\"" + op.code() + "\"}"),
                            null,
                            12,
                            4711,
                            1_700_000_000_000L);
            assertThat(roundTrip(serializer, change)).isEqualTo(change);
        }
        SourceChange deadLetter =
                new SourceChange(
                        "unknown",
                        "unknown",
                        null,
                        bytes("unknown.unknown"),
                        bytes("{}"),
                        "cannot convert the change: " + "x".repeat(70_000),
                        0,
                        0,
                        0);
        assertThat(roundTrip(serializer, deadLetter)).isEqualTo(deadLetter);
    }

    @Test
    void kafkaEventsRoundTripWithANullValue() throws IOException {
        TypeSerializer<KafkaEvent> serializer = serializer(KafkaEvent.typeInfo());
        KafkaEvent byKey = KafkaEvent.byKey("cdc", bytes("shop.orders.1"), bytes("{}"));
        KafkaEvent ddlCopy = new KafkaEvent("cdc", bytes("shop.orders"), null, 3);
        assertThat(roundTrip(serializer, byKey)).isEqualTo(byKey);
        assertThat(roundTrip(serializer, ddlCopy)).isEqualTo(ddlCopy);
    }

    @Test
    void aNewerFormatVersionIsRefused() {
        TypeSerializer<KafkaEvent> serializer = serializer(KafkaEvent.typeInfo());
        DataInputDeserializer in = new DataInputDeserializer(new byte[] {2, 0, 0, 0, 0});
        assertThatThrownBy(() -> serializer.deserialize(in))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "cannot read a KafkaEvent of format version 2: this build reads versions"
                                + " 1 to 1");
    }

    @Test
    void snapshotRestoresTheSameCodecAndIsCompatibleAsIs() throws IOException {
        TypeSerializer<SourceChange> serializer = serializer(SourceChange.typeInfo());
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<SourceChange> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(restored)
                .isInstanceOf(io.github.binlog2redshift.serde.CodecSerializerSnapshot.class);
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(restored)
                                .isCompatibleAsIs())
                .isTrue();
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializerSnapshot<SourceChange> other =
                (TypeSerializerSnapshot) serializer(KafkaEvent.typeInfo()).snapshotConfiguration();
        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(other)
                                .isIncompatible())
                .isTrue();
    }

    private static <T> TypeSerializer<T> serializer(TypeInformation<T> type) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return type.createSerializer(config);
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A snapshot written under this job's earlier class name still restores the same codec. */
    @Test
    void aSnapshotUnderTheEarlierClassNameRestores() throws IOException {
        TypeSerializer<SourceChange> serializer = serializer(SourceChange.typeInfo());
        DataOutputSerializer current = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(current, serializer.snapshotConfiguration());
        DataInputDeserializer in = new DataInputDeserializer(current.getCopyOfBuffer());
        assertThat(in.readUTF())
                .isEqualTo(io.github.binlog2redshift.serde.CodecSerializerSnapshot.class.getName());
        DataOutputSerializer legacy = new DataOutputSerializer(64);
        legacy.writeUTF(CodecSerializerSnapshot.class.getName());
        byte[] rest = new byte[in.available()];
        in.readFully(rest);
        legacy.write(rest);

        TypeSerializerSnapshot<SourceChange> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(legacy.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(restored).isInstanceOf(CodecSerializerSnapshot.class);
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(
                        serializer
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(restored)
                                .isCompatibleAsIs())
                .isTrue();
    }
}
