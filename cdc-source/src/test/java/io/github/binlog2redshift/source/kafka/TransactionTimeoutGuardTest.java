package io.github.binlog2redshift.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.source.kafka.TransactionTimeoutGuard.OnExpired;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** Restores the guard's snapshot at different ages, with Flink's operator test harness. */
class TransactionTimeoutGuardTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Instant TAKEN = Instant.parse("2025-03-01T10:00:00Z");

    private static OneInputStreamOperatorTestHarness<KafkaEvent, KafkaEvent> harness(
            OnExpired onExpired, Instant now) throws Exception {
        TypeSerializer<KafkaEvent> serializer =
                KafkaEvent.typeInfo().createSerializer(new SerializerConfigImpl());
        OneInputStreamOperatorTestHarness<KafkaEvent, KafkaEvent> h =
                new OneInputStreamOperatorTestHarness<>(
                        new TransactionTimeoutGuard(
                                TIMEOUT, onExpired, Clock.fixed(now, ZoneOffset.UTC)),
                        serializer);
        h.setup(serializer);
        return h;
    }

    /** A running guard passes one event through and takes a checkpoint at {@link #TAKEN}. */
    private static OperatorSubtaskState checkpoint() throws Exception {
        try (OneInputStreamOperatorTestHarness<KafkaEvent, KafkaEvent> h =
                harness(OnExpired.REFUSE, TAKEN)) {
            h.open();
            h.processElement(event(), 1L);
            assertThat(h.extractOutputValues()).hasSize(1);
            return h.snapshot(7L, TAKEN.toEpochMilli());
        }
    }

    private static KafkaEvent event() {
        return KafkaEvent.byKey(
                "cdc", "k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8));
    }

    private static void restore(OperatorSubtaskState state, OnExpired onExpired, Instant now)
            throws Exception {
        try (OneInputStreamOperatorTestHarness<KafkaEvent, KafkaEvent> h =
                harness(onExpired, now)) {
            h.initializeState(state);
            h.open();
        }
    }

    @Test
    void aRecentCheckpointRestores() throws Exception {
        restore(checkpoint(), OnExpired.REFUSE, TAKEN.plus(Duration.ofMinutes(14)));
    }

    @Test
    void anExpiredCheckpointIsRefusedNamingAgeTimeoutAndOption() throws Exception {
        OperatorSubtaskState state = checkpoint();
        assertThatThrownBy(
                        () -> restore(state, OnExpired.REFUSE, TAKEN.plus(Duration.ofMinutes(40))))
                .hasStackTraceContaining(
                        "The restored checkpoint was taken at 2025-03-01T10:00:00Z, PT40M ago,"
                                + " longer than the Kafka transaction timeout PT15M"
                                + " (transaction.timeout.ms)")
                .hasStackTraceContaining(
                        "source.startup.mode=TIMESTAMP and source.startup.timestamp-ms="
                                + TAKEN.minus(TIMEOUT).toEpochMilli())
                .hasStackTraceContaining("set source.allow-expired-transactions=true");
    }

    @Test
    void theOptionLetsAnExpiredCheckpointRestore() throws Exception {
        restore(checkpoint(), OnExpired.WARN, TAKEN.plus(Duration.ofHours(3)));
    }

    @Test
    void atLeastOnceNeverChecks() throws Exception {
        restore(checkpoint(), OnExpired.IGNORE, TAKEN.plus(Duration.ofDays(3)));
    }

    @Test
    void aStopWithSavepointRestoresAtAnyAge() throws Exception {
        OperatorSubtaskState stopped;
        try (OneInputStreamOperatorTestHarness<KafkaEvent, KafkaEvent> h =
                harness(OnExpired.REFUSE, TAKEN)) {
            h.open();
            stopped =
                    h.snapshotWithLocalState(
                                    8L,
                                    TAKEN.toEpochMilli(),
                                    SavepointType.suspend(SavepointFormatType.CANONICAL))
                            .getJobManagerOwnedState();
        }
        restore(stopped, OnExpired.REFUSE, TAKEN.plus(Duration.ofDays(2)));
    }

    @Test
    void aSavepointFromBeforeTheGuardRestoresWithAWarning() throws Exception {
        // An old savepoint has no state for this operator's uid: the operator starts "restored"
        // with nothing in it.
        restore(
                OperatorSubtaskState.builder().build(),
                OnExpired.REFUSE,
                TAKEN.plus(Duration.ofDays(9)));
    }

    @Test
    void aPlainSavepointIsCheckedLikeACheckpoint() throws Exception {
        OperatorSubtaskState saved;
        try (OneInputStreamOperatorTestHarness<KafkaEvent, KafkaEvent> h =
                harness(OnExpired.REFUSE, TAKEN)) {
            h.open();
            saved =
                    h.snapshotWithLocalState(
                                    9L,
                                    TAKEN.toEpochMilli(),
                                    SavepointType.savepoint(SavepointFormatType.CANONICAL))
                            .getJobManagerOwnedState();
        }
        assertThatThrownBy(() -> restore(saved, OnExpired.REFUSE, TAKEN.plus(Duration.ofHours(1))))
                .hasStackTraceContaining("PT1H ago");
    }
}
