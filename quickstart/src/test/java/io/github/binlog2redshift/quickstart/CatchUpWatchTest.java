package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** When a bounded run stops waiting for the sink and runs verify. */
class CatchUpWatchTest {

    private static final TrackedTable TABLE =
            new TrackedTable("Weird", "MixedCase", "weird", "mixedcase");

    private final CatchUpWatch watch = new CatchUpWatch(1000, true);

    @Test
    void equalCountsAfterADrainedBacklogAndOneMoreSinkCheckpointAreCaughtUp() {
        assertThat(watch.caughtUp(status(0, 10, 5, 5))).isFalse();
        assertThat(watch.caughtUp(status(4_000, 11, 5, 5))).isFalse(); // source quiet, drained now
        assertThat(watch.caughtUp(status(5_000, 12, 5, 5))).isTrue();
    }

    @Test
    void countsThatStayApartAreSettledAfterThreeSinkCheckpointsWithoutAChange() {
        assertThat(watch.caughtUp(status(0, 10, 5, 3))).isFalse();
        assertThat(watch.caughtUp(status(4_000, 11, 5, 4))).isFalse(); // the last commit landed
        assertThat(watch.caughtUp(status(5_000, 12, 5, 4))).isFalse();
        assertThat(watch.caughtUp(status(6_000, 13, 5, 4))).isFalse();
        assertThat(watch.caughtUp(status(7_000, 14, 5, 4))).isTrue();
    }

    @Test
    void aChangingTargetCountStartsTheSettlingAgain() {
        watch.caughtUp(status(0, 10, 5, 3));
        watch.caughtUp(status(4_000, 11, 5, 3));
        watch.caughtUp(status(5_000, 12, 5, 3));
        assertThat(watch.caughtUp(status(6_000, 13, 5, 4))).isFalse();
        assertThat(watch.caughtUp(status(7_000, 15, 5, 4))).isFalse();
        assertThat(watch.caughtUp(status(8_000, 16, 5, 4))).isTrue();
    }

    /**
     * A status at {@code atMs} after the load: cdc-source idle since 0 with a checkpoint just
     * completed, the sink's backlog drained and its checkpoint {@code sinkCheckpoint} just
     * completed.
     */
    private static Status status(long atMs, long sinkCheckpoint, long sourceRows, long targetRows) {
        return new Status(
                atMs,
                "RUNNING",
                "RUNNING",
                new FlinkRest.Checkpoint(100 + atMs, atMs, 10),
                new FlinkRest.Checkpoint(sinkCheckpoint, atMs, 10),
                new KafkaBacklog.Backlog(42, 42),
                true,
                List.of(new Status.TableRow(TABLE, 7, 4, sourceRows, targetRows, 0)));
    }
}
