package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.sink.DeleteArchive;
import io.github.binlog2redshift.config.sink.DeleteHandling;
import io.github.binlog2redshift.config.sink.KeylessMode;
import io.github.binlog2redshift.config.sink.SchemaPolicy;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.dialect.TableMode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableCommittableSerializerTest {

    private final TableCommittableSerializer serializer = new TableCommittableSerializer();

    static TableCommittable sample() {
        return new TableCommittable(
                new TargetTable("sh\"op", "ordérs"),
                42,
                "s3-7f0e",
                3,
                List.of(
                        new StagedFile(
                                "s3://b/p/job/shop.orders/s3-7f0e-0.csv.gz", List.of("id"), 5),
                        new StagedFile(
                                "s3://b/p/job/shop.orders/s3-7f0e-1.csv.gz",
                                List.of("id", "note"),
                                2,
                                new byte[] {31, -117, 8, 0, 1, 2, 3})),
                "000000000003:00000000000000001234:000002",
                1_700_000_000_123L,
                List.of(
                        ColumnDef.of("id", "BIGINT UNSIGNED", null, null, false),
                        new ColumnDef("state", "ENUM", null, null, true, List.of("new", "paid")),
                        ColumnDef.of("amount", "DECIMAL", 10, 2, true)),
                List.of("id"),
                List.of(
                        new SchemaChange(
                                "ALTER TABLE orders ADD COLUMN note TEXT",
                                "000000000003:00000000000000001200:000000",
                                "shop",
                                List.of(ColumnDef.of("note", "TEXT", null, null, true)),
                                List.of("id")),
                        new SchemaChange(
                                "RENAME TABLE orders_old TO orders",
                                "000000000003:00000000000000001210:000000",
                                "shop",
                                List.of(),
                                List.of(),
                                new TargetTable("sh\"op", "orders_old")),
                        new SchemaChange("x".repeat(70_000), "", null, List.of(), List.of())),
                new TableMode(
                        true,
                        DeleteHandling.SOFT,
                        DeleteArchive.ALSO_SAVE,
                        true,
                        SchemaPolicy.DistStyle.EVEN,
                        List.of("amount", "id")));
    }

    @Test
    void roundTrips() throws IOException {
        TableCommittable c = sample();
        assertThat(c.stagingFormat()).isEqualTo(StagingFormat.MARKED_BINARY);
        assertThat(serializer.deserialize(7, serializer.serialize(c))).isEqualTo(c);
        TableCommittable log = withMode(c, c.mode().withKeyless(KeylessMode.APPEND));
        assertThat(serializer.deserialize(7, serializer.serialize(log))).isEqualTo(log);
        TableCommittable restored = plain(c);
        assertThat(serializer.deserialize(7, serializer.serialize(restored))).isEqualTo(restored);
    }

    /** Version 7 adds the column sets rows of partial row images lack; version 6 had none. */
    @Test
    void roundTripsPartialColumnsAndReadsVersionSixWithout() throws IOException {
        TableCommittable c = sample();
        TableCommittable partial =
                c.withPartialColumns(List.of(List.of("amount"), List.of("amount", "id")));
        assertThat(serializer.deserialize(7, serializer.serialize(partial))).isEqualTo(partial);
        assertThat(partial).isNotEqualTo(c);
        assertThat(serializer.deserialize(6, serializer.serialize(c, 6))).isEqualTo(c);
        assertThat(serializer.deserialize(7, serializer.serialize(c)).partialColumns()).isEmpty();
    }

    /**
     * Their writers staged Redshift binary values without the marker byte: the merge must not
     * remove a first byte of them.
     */
    @Test
    void readsVersionFiveAsPlainBinary() throws IOException {
        TableCommittable c = sample();
        assertThat(serializer.deserialize(5, serializer.serialize(c, 5))).isEqualTo(plain(c));
        // Version 6 adds the format's name last.
        assertThat(serializer.serialize(c, 6))
                .startsWith(serializer.serialize(c, 5))
                .hasSize(serializer.serialize(c, 5).length + 2 + "MARKED_BINARY".length());
    }

    @Test
    void refusesAnUnknownStagingFormat() throws IOException {
        byte[] v6 = serializer.serialize(sample(), 6);
        byte[] v5 = serializer.serialize(sample(), 5);
        byte[] other = java.util.Arrays.copyOf(v6, v6.length);
        other[v5.length + 2] = 'N'; // "NARKED_BINARY"
        assertThatThrownBy(() -> serializer.deserialize(6, other))
                .isInstanceOf(IOException.class)
                .hasMessage("unknown staging format 'NARKED_BINARY' in a table committable");
    }

    @Test
    void readsVersionFourAsAKeylessChangeLog() throws IOException {
        // Their writers staged a keyless UPDATE as its after image only, which only a log applies.
        TableCommittable c = sample();
        assertThat(serializer.deserialize(4, serializer.serialize(c, 4)))
                .isEqualTo(plain(withMode(c, c.mode().withKeyless(KeylessMode.APPEND))));
    }

    @Test
    void readsVersionThreeWhoseFilesHaveNoKeptBytes() throws IOException {
        TableCommittable c = withoutKeptBytes(sample());
        assertThat(serializer.deserialize(3, serializer.serialize(c, 3)))
                .isEqualTo(plain(withMode(c, c.mode().withKeyless(KeylessMode.APPEND))));
        // Version 4's layout of the same committable is longer by one length per file.
        assertThat(serializer.serialize(c, 4))
                .hasSize(serializer.serialize(c, 3).length + 4 * c.files().size());
    }

    private static TableCommittable withMode(TableCommittable c, TableMode mode) {
        return new TableCommittable(
                c.table(),
                c.checkpointId(),
                c.stagingId(),
                c.subtask(),
                c.files(),
                c.maxSourcePosition(),
                c.maxSourceTsMs(),
                c.columns(),
                c.primaryKey(),
                c.schemaChanges(),
                mode,
                c.stagingFormat());
    }

    /** {@code c} as a build before the binary marker staged it. */
    private static TableCommittable plain(TableCommittable c) {
        return new TableCommittable(
                c.table(),
                c.checkpointId(),
                c.stagingId(),
                c.subtask(),
                c.files(),
                c.maxSourcePosition(),
                c.maxSourceTsMs(),
                c.columns(),
                c.primaryKey(),
                c.schemaChanges(),
                c.mode(),
                StagingFormat.PLAIN_BINARY);
    }

    private static TableCommittable withoutKeptBytes(TableCommittable c) {
        return new TableCommittable(
                c.table(),
                c.checkpointId(),
                c.stagingId(),
                c.subtask(),
                c.files().stream()
                        .map(f -> new StagedFile(f.path(), f.columns(), f.rows()))
                        .toList(),
                c.maxSourcePosition(),
                c.maxSourceTsMs(),
                c.columns(),
                c.primaryKey(),
                c.schemaChanges(),
                c.mode());
    }

    @Test
    void roundTripsNullsAndEmptyLists() throws IOException {
        TableCommittable c =
                new TableCommittable(
                        new TargetTable("s", "t"),
                        TableCommittable.UNASSIGNED,
                        "s0-x",
                        0,
                        List.of(),
                        null,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        TableMode.defaults());
        assertThat(serializer.deserialize(7, serializer.serialize(c))).isEqualTo(c);
        // Without files versions 3 and 4 write the same bytes, without schema changes 2 and 3.
        TableCommittable log = plain(withMode(c, c.mode().withKeyless(KeylessMode.APPEND)));
        assertThat(serializer.deserialize(4, serializer.serialize(c, 4))).isEqualTo(log);
        assertThat(serializer.deserialize(3, serializer.serialize(c, 4))).isEqualTo(log);
        assertThat(serializer.deserialize(2, serializer.serialize(c, 4))).isEqualTo(log);
    }

    @Test
    void readsVersionOneWithTheDefaultMode() throws IOException {
        // Version 1 ends with the DDL text list; version 2 continues where it ends.
        TableCommittable c = withoutKeptBytes(sample()).withCheckpointId(7);
        TableCommittable plain =
                new TableCommittable(
                        c.table(),
                        7,
                        c.stagingId(),
                        c.subtask(),
                        c.files(),
                        c.maxSourcePosition(),
                        c.maxSourceTsMs(),
                        c.columns(),
                        c.primaryKey(),
                        List.of(),
                        TableMode.defaults().withKeyless(KeylessMode.APPEND),
                        StagingFormat.PLAIN_BINARY);
        assertThat(serializer.deserialize(1, serializer.serialize(plain, 3))).isEqualTo(plain);
    }

    @Test
    void rejectsUnknownVersions() {
        assertThatThrownBy(() -> serializer.deserialize(8, serializer.serialize(sample())))
                .isInstanceOf(IOException.class)
                .hasMessage(
                        "unknown table committable version 8; this build reads versions 1 to 7");
        assertThat(serializer.getVersion()).isEqualTo(7);
    }
}
