package io.github.binlog2redshift.sink.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** The binary change-event layout: lossless for every value form, strict on corrupt input. */
class ChangeEventBinaryTest {

    private static byte[] write(ChangeEvent e) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        ChangeEventBinary.write(e, out);
        return out.getCopyOfBuffer();
    }

    private static ChangeEvent read(byte[] bytes) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        ChangeEvent e = ChangeEventBinary.read(in);
        assertThat(in.available()).as("bytes left after the event").isZero();
        return e;
    }

    @Test
    void roundTripsEveryOpAndValueType() throws IOException {
        for (ChangeEvent original : ChangeEventSamples.all()) {
            assertThat(read(write(original))).isEqualTo(original);
        }
    }

    @Test
    void keepsJavaTypesScalesAndColumnOrder() throws IOException {
        ChangeEvent original = ChangeEventSamples.all().get(0);
        ChangeEvent read = read(write(original));
        assertThat(read.after().keySet()).containsExactlyElementsOf(original.after().keySet());
        read.after()
                .forEach(
                        (column, value) -> {
                            Object expected = original.after().get(column);
                            if (expected != null) {
                                assertThat(value)
                                        .as(column)
                                        .isExactlyInstanceOf(expected.getClass());
                            }
                        });
        assertThat(((BigDecimal) read.after().get("decimal")).toPlainString()).isEqualTo("10.50");
        assertThat(read.after().get("int")).isEqualTo(7);
        assertThat(read.after().get("float")).isEqualTo(1.1f);
        assertThat(read.after()).containsEntry("null", "now set");
        assertThat(read.before()).containsEntry("null", null);
        assertThat((String) read.after().get("big_text")).hasSizeGreaterThan(65_536);
    }

    @Test
    void keepsEveryPartOfTheSourcePositionAndColumns() throws IOException {
        for (ChangeEvent original : ChangeEventSamples.all()) {
            ChangeEvent read = read(write(original));
            assertThat(read.source()).isEqualTo(original.source());
            assertThat(read.source().file()).isEqualTo(original.source().file());
            assertThat(read.columns()).isEqualTo(original.columns());
            assertThat(read.ddl()).isEqualTo(original.ddl());
        }
        ChangeEvent ddl = ChangeEventSamples.all().get(5);
        assertThat(read(write(ddl)).columns().get(3).enumValues()).containsExactly("a", "b,c", "");
        assertThat(read(write(ddl)).columns().get(4).enumValues()).isEmpty();
        assertThat(read(write(ddl)).columns().get(0).enumValues()).isNull();
    }

    @Test
    void refusesAValueTypeOutsideTheModelNamingIt() {
        ChangeEvent e =
                ChangeEvent.insert(
                        TableId.of("db", "t"),
                        Map.of("day", LocalDate.of(2024, 1, 31)),
                        new SourcePosition(0, null, 0, 0, 0, null, false, 0),
                        0,
                        List.of(),
                        List.of());
        assertThatThrownBy(() -> write(e))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("java.time.LocalDate")
                .hasMessageContaining("'day'");
    }

    @Test
    void keepsTheEpochAndReadsTheLayoutBeforeItAsEpochZero() throws IOException {
        assertThat(read(write(ChangeEventSamples.keyedUpdate(3))).source().epoch()).isEqualTo(3);
        DataInputDeserializer in =
                new DataInputDeserializer(ChangeEventSamples.keyedUpdateWithoutEpoch());
        assertThat(ChangeEventBinary.readWithoutEpoch(in))
                .isEqualTo(ChangeEventSamples.keyedUpdate(0));
        assertThat(in.available()).isZero();
    }

    @Test
    void keepsThePartialImageFlagAndReadsTheLayoutBeforeItAsFull() throws IOException {
        ChangeEvent full = ChangeEventSamples.keyedUpdate(2);
        ChangeEvent partial = full.withAfter(Map.of("id", 1L), true);
        assertThat(read(write(partial))).isEqualTo(partial);
        assertThat(read(write(partial)).partialImage()).isTrue();
        DataInputDeserializer in =
                new DataInputDeserializer(ChangeEventSamples.keyedUpdateWithoutPartialFlag(2));
        assertThat(ChangeEventBinary.readWithoutPartialFlag(in)).isEqualTo(full);
        assertThat(in.available()).isZero();
    }

    @Test
    void refusesAnUnknownValueTag() throws IOException {
        byte[] bytes = write(ChangeEventSamples.all().get(3));
        // The snapshot read's only value {id: 2}: db, table, op, before (-1), size, name, tag.
        int tag = lengthOf("shop", "orders") + 1 + 4 + 4 + lengthOf("id");
        assertThat(bytes[tag]).as("the tag of a Long").isEqualTo((byte) 2);
        bytes[tag] = 42;
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown value type tag 42");
    }

    @Test
    void refusesAnUnknownOpAndATruncatedEvent() throws IOException {
        byte[] bytes = write(ChangeEventSamples.all().get(3));
        int op = lengthOf("shop", "orders");
        assertThat(bytes[op]).as("the op code of READ").isEqualTo((byte) 0);
        bytes[op] = 9;
        assertThatThrownBy(() -> read(bytes)).hasMessageContaining("unknown op code 9");

        byte[] truncated = Arrays.copyOf(write(ChangeEventSamples.all().get(0)), 100);
        assertThatThrownBy(() -> read(truncated)).isInstanceOf(IOException.class);
    }

    @Test
    void refusesBytesThatBreakTheModelAsCorruption() throws IOException {
        byte[] bytes = write(ChangeEventSamples.all().get(3));
        bytes[lengthOf("shop", "orders")] = 3; // DELETE, but the event has an after image only
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt change event")
                .hasMessageContaining("DELETE");
    }

    private static int lengthOf(String... strings) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String s : strings) {
            BinaryFields.writeString(s, out);
        }
        return out.length();
    }
}
