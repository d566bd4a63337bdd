package io.github.binlog2redshift.sink.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.serde.ChangeEventJson;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.serde.BinaryFields;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The dedupe state's record: version 2 round trip, version 1 still read, newer rejected. */
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

    @Test
    void roundTripsBothRetentions() throws IOException {
        for (ChangeRetention r : ChangeRetention.values()) {
            RoutedChange original = sample(r);
            assertThat(serializer.deserialize(new DataInputDeserializer(write(original))))
                    .isEqualTo(original);
        }
    }

    @Test
    void readsVersionOneAsLatest() throws IOException {
        RoutedChange c = sample(ChangeRetention.LATEST);
        DataOutputSerializer out = new DataOutputSerializer(256);
        out.writeByte(1);
        BinaryFields.writeString(TARGET.schema(), out);
        BinaryFields.writeString(TARGET.name(), out);
        BinaryFields.writeString(c.key(), out);
        BinaryFields.writeString(c.topic(), out);
        out.writeInt(c.partition());
        out.writeLong(c.offset());
        BinaryFields.writeBytes(ChangeEventJson.toBytes(c.event()), out);
        assertThat(serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
                .isEqualTo(c);
    }

    @Test
    void rejectsANewerVersion() throws IOException {
        byte[] bytes = write(sample(ChangeRetention.EVERY));
        bytes[0] = 3;
        assertThatThrownBy(() -> serializer.deserialize(new DataInputDeserializer(bytes)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 3")
                .hasMessageContaining("versions 1 to 2");
    }
}
