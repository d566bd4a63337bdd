package io.github.binlog2redshift.sink.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.sink.StagedChange;
import io.github.binlog2redshift.sink.TargetTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class StagedChangeCodecTest {

    private final TypeSerializer<StagedChange> serializer =
            StagedChangeCodec.typeInfo().createSerializer(new SerializerConfigImpl());

    private static StagedChange sample() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("id", new BigInteger("18446744073709551615"));
        before.put("amount", new BigDecimal("10.50"));
        before.put("note", null);
        before.put("flag", true);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("note", "naïve \"quoted\"\nline");
        SourcePosition p =
                SourcePosition.binlog(
                        7, "mysql-bin.000042", 1234, 3, "uuid:1-9", false, 1_700_000_000_000L);
        ChangeEvent e =
                ChangeEvent.update(
                        TableId.of("shop", "orders"),
                        before,
                        after,
                        p,
                        1_700_000_000_123L,
                        List.of("id"),
                        List.of(
                                ColumnDef.of("id", "BIGINT UNSIGNED", null, null, false),
                                new ColumnDef(
                                        "kind", "ENUM", null, null, true, List.of("a", "b"))));
        return new StagedChange(new TargetTable("shop", "orders"), e);
    }

    private byte[] write(StagedChange c) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(c, out);
        return out.getCopyOfBuffer();
    }

    @Test
    void roundTripsEveryPartOfTheChange() throws IOException {
        StagedChange original = sample();
        StagedChange read = serializer.deserialize(new DataInputDeserializer(write(original)));
        assertThat(read).isEqualTo(original);
    }

    @Test
    void roundTripsPositionlessEventsWithTheirTimestamp() throws IOException {
        ChangeEvent e =
                ChangeEvent.insert(
                        TableId.of("db", "t"),
                        Map.of("id", 1L),
                        new SourcePosition(0, null, 0, 0, 0, null, false, 42),
                        42,
                        List.of(),
                        List.of());
        StagedChange original = new StagedChange(new TargetTable("db", "t"), e);
        assertThat(serializer.deserialize(new DataInputDeserializer(write(original))))
                .isEqualTo(original);
    }

    @Test
    void roundTripsEveryOpAndValueType() throws IOException {
        for (ChangeEvent e : ChangeEventSamples.all()) {
            StagedChange original = new StagedChange(new TargetTable("shop", "orders"), e);
            DataInputDeserializer in = new DataInputDeserializer(write(original));
            assertThat(serializer.deserialize(in)).isEqualTo(original);
            assertThat(in.available()).isZero();
        }
    }

    /** Version 1, as the codec wrote it before version 2: the event as change-event JSON. */
    @Test
    void readsVersionOne() throws IOException {
        for (StagedChange original :
                List.of(
                        sample(),
                        new StagedChange(
                                new TargetTable("s", "t"), ChangeEventSamples.jsonLossless()))) {
            DataOutputSerializer out = new DataOutputSerializer(256);
            out.writeByte(1);
            BinaryFields.writeString(original.target().schema(), out);
            BinaryFields.writeString(original.target().name(), out);
            BinaryFields.writeBytes(ChangeEventJson.toBytes(original.event()), out);
            DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
            assertThat(serializer.deserialize(in)).isEqualTo(original);
            assertThat(in.available()).isZero();
        }
    }

    /** Version 2, as the codec wrote it before the position's epoch: read as epoch 0. */
    @Test
    void readsVersionTwoAsEpochZero() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeByte(2);
        BinaryFields.writeString("s", out);
        BinaryFields.writeString("t", out);
        out.write(ChangeEventSamples.keyedUpdateWithoutEpoch());
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(serializer.deserialize(in))
                .isEqualTo(
                        new StagedChange(
                                new TargetTable("s", "t"), ChangeEventSamples.keyedUpdate(0)));
        assertThat(in.available()).isZero();
        StagedChange raised =
                new StagedChange(new TargetTable("s", "t"), ChangeEventSamples.keyedUpdate(4));
        assertThat(serializer.deserialize(new DataInputDeserializer(write(raised))))
                .isEqualTo(raised);
    }

    @Test
    void readsVersionThreeAsAFullImage() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeByte(3);
        BinaryFields.writeString("s", out);
        BinaryFields.writeString("t", out);
        out.write(ChangeEventSamples.keyedUpdateWithoutPartialFlag(5));
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(serializer.deserialize(in))
                .isEqualTo(
                        new StagedChange(
                                new TargetTable("s", "t"), ChangeEventSamples.keyedUpdate(5)));
        assertThat(in.available()).isZero();
    }

    @Test
    void rejectsAnUnknownVersion() throws IOException {
        byte[] bytes = write(sample());
        bytes[0] = 9;
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 9")
                .hasMessageContaining("versions 1 to 4");
    }

    @Test
    void itsSnapshotRestoresAnEqualSerializer() throws IOException {
        TypeSerializerSnapshot<StagedChange> snapshot = serializer.snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, snapshot);
        TypeSerializerSnapshot<StagedChange> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        TypeSerializerSchemaCompatibility<StagedChange> compat =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
        assertThat(compat.isCompatibleAsIs()).isTrue();
    }
}
