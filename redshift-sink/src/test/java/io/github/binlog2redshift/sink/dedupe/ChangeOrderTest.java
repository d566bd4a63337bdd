package io.github.binlog2redshift.sink.dedupe;

import static io.github.binlog2redshift.sink.dedupe.Changes.at;
import static io.github.binlog2redshift.sink.dedupe.Changes.delete;
import static io.github.binlog2redshift.sink.dedupe.Changes.none;
import static io.github.binlog2redshift.sink.dedupe.Changes.upsert;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.SourcePosition;
import org.junit.jupiter.api.Test;

class ChangeOrderTest {

    @Test
    void aGreaterSourcePositionWinsWhateverTheArrival() {
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "old", at(100), 0, 9), upsert(1, "new", at(200), 0, 1)))
                .isFalse();
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "new", at(200), 0, 1), upsert(1, "old", at(100), 0, 9)))
                .isTrue();
    }

    /**
     * A snapshot row at its chunk's high watermark (issue 15), read again later (a fresh snapshot:
     * arriving after newer binlog changes, at a later offset): it replaces changes below the
     * watermark, deletes too, and never one above it; a row with the old (0,0,0) position loses to
     * every binlog change as before.
     */
    @Test
    void aSnapshotRowAtItsHighWatermarkOrdersAgainstBinlogChanges() {
        SourcePosition high = SourcePosition.binlog(0, "mysql-bin.000001", 500, 0, null, true, 0);
        SourcePosition zero = new SourcePosition(0, "", 0, 0, 0, null, true, 0);
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "snap", high, 0, 9), upsert(1, "b", at(499), 0, 1)))
                .isTrue();
        assertThat(ChangeOrder.supersedes(upsert(1, "snap", high, 0, 9), delete(1, at(400), 1)))
                .as("a fresh snapshot row replaces an older delete")
                .isTrue();
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "snap", high, 0, 9), upsert(1, "b", at(501), 0, 1)))
                .as("never a change after its watermark")
                .isFalse();
        assertThat(ChangeOrder.supersedes(delete(1, at(400), 9), upsert(1, "snap", high, 0, 1)))
                .isFalse();
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "snap", zero, 0, 9), upsert(1, "b", at(1), 0, 1)))
                .as("events written before issue 15 keep their meaning")
                .isFalse();
    }

    @Test
    void equalPositionsFallBackToTheOffsetWithinAPartition() {
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "a", at(100), 0, 5), upsert(1, "b", at(100), 0, 6)))
                .isFalse();
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "b", at(100), 0, 6), upsert(1, "a", at(100), 0, 5)))
                .isTrue();
    }

    @Test
    void absentPositionsAsFromDmsOrCanalAreOrderedByOffset() {
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "late", none(), 2, 40),
                                upsert(1, "early", none(), 2, 41)))
                .isFalse();
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "row 2", none(), 2, 41),
                                upsert(1, "row 1", none(), 2, 41)))
                .as("rows of one Canal message: the later row wins")
                .isTrue();
    }

    @Test
    void otherPartitionsWithoutPositionsFallBackToArrival() {
        assertThat(
                        ChangeOrder.supersedes(
                                upsert(1, "x", none(), 1, 1), upsert(1, "y", none(), 0, 99)))
                .isTrue();
    }

    @Test
    void ddlCopiesAndOlderDdlAreRecognised() {
        var first = Changes.ddl("ALTER 1", at(500), 0, 1).event();
        assertThat(ChangeOrder.isCopyOrOlder(Changes.ddl("ALTER 1", at(500), 1, 7).event(), first))
                .isTrue();
        assertThat(ChangeOrder.isCopyOrOlder(Changes.ddl("ALTER 0", at(400), 1, 3).event(), first))
                .isTrue();
        assertThat(ChangeOrder.isCopyOrOlder(Changes.ddl("ALTER 2", at(600), 1, 9).event(), first))
                .isFalse();
    }
}
