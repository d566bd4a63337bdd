package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.event.ColumnDef;
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
                                2)),
                "000000000003:00000000000000001234:000002",
                1_700_000_000_123L,
                List.of(
                        ColumnDef.of("id", "BIGINT UNSIGNED", null, null, false),
                        new ColumnDef("state", "ENUM", null, null, true, List.of("new", "paid")),
                        ColumnDef.of("amount", "DECIMAL", 10, 2, true)),
                List.of("id"),
                List.of("ALTER TABLE orders ADD COLUMN note TEXT", "x".repeat(70_000)));
    }

    @Test
    void roundTrips() throws IOException {
        TableCommittable c = sample();
        assertThat(serializer.deserialize(1, serializer.serialize(c))).isEqualTo(c);
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
                        List.of());
        assertThat(serializer.deserialize(1, serializer.serialize(c))).isEqualTo(c);
    }

    @Test
    void rejectsUnknownVersions() {
        assertThatThrownBy(() -> serializer.deserialize(2, serializer.serialize(sample())))
                .isInstanceOf(IOException.class)
                .hasMessage("unknown table committable version 2; this build reads version 1");
        assertThat(serializer.getVersion()).isEqualTo(1);
    }
}
