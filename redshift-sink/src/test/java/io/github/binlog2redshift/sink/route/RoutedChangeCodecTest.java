package io.github.binlog2redshift.sink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.serde.BinaryFields;
import io.github.binlog2redshift.sink.serde.ChangeEventSamples;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * The dedupe state's record: version 4 round trip (version 3, without the epoch, by the migration
 * snapshots of LatestChangeOperatorMigrationTest), versions 1 and 2 (change-event JSON, as older
 * builds wrote them into savepoints) still read, newer rejected.
 */
class RoutedChangeCodecTest {

    private final TypeSerializer<RoutedChange> serializer =
            RoutedChange.typeInfo().createSerializer(new SerializerConfigImpl());

    private static final TargetTable TARGET = new TargetTable("shop", "orders");

    private static RoutedChange sample(ChangeRetention retention) {
        ChangeEvent e =
                ChangeEvent.insert(
                        TableId.of("shop", "orders"),
                        Map.of("id", 1L, "v", "x"),
                        SourcePosition.binlog(1, "mysql-bin.000001", 120, 2, null, false, 9L),
                        9L,
                        List.of("id"),
                        List.of());
        return new RoutedChange(TARGET, "r|k", e, "cdc", 3, 77L, retention);
    }

    private byte[] write(RoutedChange c) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(c, out);
        return out.getCopyOfBuffer();
    }

    /** A record as the version 1 and 2 codecs wrote it: the event as change-event JSON. */
    private static byte[] writeJsonLayout(int version, RoutedChange c) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeByte(version);
        BinaryFields.writeString(c.target().schema(), out);
        BinaryFields.writeString(c.target().name(), out);
        BinaryFields.writeString(c.key(), out);
        BinaryFields.writeString(c.topic(), out);
        out.writeInt(c.partition());
        out.writeLong(c.offset());
        BinaryFields.writeBytes(ChangeEventJson.toBytes(c.event()), out);
        if (version >= 2) {
            out.writeByte(c.retention().ordinal());
        }
        return out.getCopyOfBuffer();
    }

    @Test
    void roundTripsBothRetentions() throws IOException {
        for (ChangeRetention r : ChangeRetention.values()) {
            RoutedChange original = sample(r);
            assertThat(serializer.deserialize(new DataInputDeserializer(write(original))))
                    .isEqualTo(original);
        }
    }

    @Test
    void roundTripsEveryOpAndValueType() throws IOException {
        for (ChangeEvent e : ChangeEventSamples.all()) {
            RoutedChange original =
                    new RoutedChange(TARGET, "k", e, "cdc", 0, 1L, ChangeRetention.EVERY);
            DataInputDeserializer in = new DataInputDeserializer(write(original));
            assertThat(serializer.deserialize(in)).isEqualTo(original);
            assertThat(in.available()).isZero();
        }
    }

    @Test
    void roundTripsThePositionsEpoch() throws IOException {
        RoutedChange c =
                new RoutedChange(
                        TARGET,
                        "k",
                        ChangeEventSamples.keyedUpdate(2),
                        "cdc",
                        1,
                        3L,
                        ChangeRetention.LATEST);
        RoutedChange read = serializer.deserialize(new DataInputDeserializer(write(c)));
        assertThat(read).isEqualTo(c);
        assertThat(read.event().source().epoch()).isEqualTo(2);
    }

    @Test
    void readsVersionOneAsLatest() throws IOException {
        RoutedChange c = sample(ChangeRetention.LATEST);
        assertThat(serializer.deserialize(new DataInputDeserializer(writeJsonLayout(1, c))))
                .isEqualTo(c);
    }

    @Test
    void readsVersionTwo() throws IOException {
        for (ChangeRetention r : ChangeRetention.values()) {
            RoutedChange c =
                    new RoutedChange(
                            TARGET, "k", ChangeEventSamples.jsonLossless(), "cdc", 5, 9L, r);
            DataInputDeserializer in = new DataInputDeserializer(writeJsonLayout(2, c));
            assertThat(serializer.deserialize(in)).isEqualTo(c);
            assertThat(in.available()).isZero();
        }
    }

    /**
     * A savepoint of an older build holds the same snapshot (the codec's class name) and records of
     * version 2: the state restores as is, no migration, and each record reads by its version.
     */
    @Test
    void restoresVersionTwoStateAsIs() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<RoutedChange> restored =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(out.getCopyOfBuffer()),
                        getClass().getClassLoader());
        TypeSerializerSchemaCompatibility<RoutedChange> compat =
                serializer.snapshotConfiguration().resolveSchemaCompatibility(restored);
        assertThat(compat.isCompatibleAsIs()).isTrue();

        RoutedChange c = sample(ChangeRetention.EVERY);
        assertThat(
                        restored.restoreSerializer()
                                .deserialize(new DataInputDeserializer(writeJsonLayout(2, c))))
                .isEqualTo(c);
    }

    @Test
    void reportsACorruptEventWithItsTableAndKey() throws IOException {
        byte[] bytes = writeJsonLayout(2, sample(ChangeRetention.LATEST));
        bytes[bytes.length - 4] = '{'; // "columns":[]} becomes "columns":{]}
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt buffered change for shop.orders key r|k");
    }

    @Test
    void rejectsANewerVersion() throws IOException {
        byte[] bytes = write(sample(ChangeRetention.EVERY));
        bytes[0] = 6;
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 6")
                .hasMessageContaining("versions 1 to 5");
    }
}
