package io.github.binlog2redshift.source.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.runtime.checkpoint.CheckpointOptions;
import org.apache.flink.runtime.checkpoint.SavepointType;
import org.apache.flink.runtime.checkpoint.SnapshotType;
import org.apache.flink.runtime.state.CheckpointStreamFactory;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.OperatorSnapshotFutures;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A pass-through operator in front of the Kafka sink that refuses to restore from a checkpoint
 * older than the Kafka transaction timeout.
 *
 * <p>Why: with EXACTLY_ONCE, each checkpoint pre-commits a producer transaction that is committed
 * only after the checkpoint completes; a restore commits it again. The broker aborts a transaction
 * still open after {@code transaction.timeout.ms} (MSK's ceiling {@code transaction.max.timeout.ms}
 * is 15 minutes), and the restored binlog position lies past its changes, so a job that restores an
 * older checkpoint may silently lose them. The guard cannot tell whether that transaction was
 * committed before the outage, so it refuses unless {@code source.allow-expired-transactions} is
 * set. A stop-with-savepoint is exempt: stopping commits the savepoint's transaction.
 *
 * <p>State: union list state {@value #STATE_NAME} holding (checkpoint time, synchronous savepoint)
 * of the last snapshot; a savepoint from before this operator existed restores with a warning.
 */
public final class TransactionTimeoutGuard extends AbstractStreamOperator<KafkaEvent>
        implements OneInputStreamOperator<KafkaEvent, KafkaEvent> {

    public static final String UID = "transaction-timeout-guard";
    static final String STATE_NAME = "last-snapshot";
    private static final long serialVersionUID = 1L;

    /** What a restore of an old checkpoint does. */
    public enum OnExpired {
        /** AT_LEAST_ONCE: there are no transactions to lose. */
        IGNORE,
        /** {@code source.allow-expired-transactions=true}: log the possible loss and go on. */
        WARN,
        /** The default with EXACTLY_ONCE: fail the restore. */
        REFUSE
    }

    private final Duration transactionTimeout;
    private final OnExpired onExpired;
    private final Clock clock;

    private transient ListState<Tuple2<Long, Boolean>> lastSnapshot;

    /**
     * @param transactionTimeout the producer's {@code transaction.timeout.ms}
     * @param onExpired what restoring an older checkpoint does; the state is kept in every case, so
     *     switching the delivery guarantee keeps savepoints compatible
     * @param clock the time a restore is compared with
     */
    public TransactionTimeoutGuard(Duration transactionTimeout, OnExpired onExpired, Clock clock) {
        this.transactionTimeout = transactionTimeout;
        this.onExpired = onExpired;
        this.clock = clock;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        lastSnapshot =
                context.getOperatorStateStore()
                        .getUnionListState(
                                new ListStateDescriptor<>(
                                        STATE_NAME, Types.TUPLE(Types.LONG, Types.BOOLEAN)));
        if (context.isRestored() && onExpired != OnExpired.IGNORE) {
            checkRestored();
        }
    }

    private void checkRestored() throws Exception {
        Tuple2<Long, Boolean> latest = null;
        for (Tuple2<Long, Boolean> t : lastSnapshot.get()) {
            if (latest == null || t.f0 > latest.f0) {
                latest = t;
            }
        }
        if (latest == null) {
            LOG.warn(
                    "Restored state has no {} state (a savepoint from before this operator):"
                            + " the age of the restored Kafka transactions is not checked",
                    UID);
            return;
        }
        Instant taken = Instant.ofEpochMilli(latest.f0);
        Duration age = Duration.between(taken, clock.instant());
        if (latest.f1) {
            LOG.info("Restoring a stop-with-savepoint taken at {} (age {})", taken, age);
            return;
        }
        if (age.compareTo(transactionTimeout) <= 0) {
            LOG.info("Restoring a checkpoint taken at {} (age {})", taken, age);
            return;
        }
        String message =
                "The restored checkpoint was taken at "
                        + taken
                        + ", "
                        + age
                        + " ago, longer than the Kafka transaction timeout "
                        + transactionTimeout
                        + " (transaction.timeout.ms): the broker has aborted the transaction that"
                        + " checkpoint pre-committed, and its changes are lost unless it was"
                        + " committed before the outage. To replay them, start the job without its"
                        + " state with source.startup.mode=TIMESTAMP and"
                        + " source.startup.timestamp-ms="
                        + taken.minus(transactionTimeout).toEpochMilli()
                        + " (the sink keeps the latest change per key, so the repeats are"
                        + " harmless; docs/cdc-source.md)";
        if (onExpired == OnExpired.WARN) {
            LOG.warn("{}; starting anyway (source.allow-expired-transactions=true)", message);
            return;
        }
        throw new IllegalStateException(
                message + ", or set source.allow-expired-transactions=true to start anyway.");
    }

    @Override
    public OperatorSnapshotFutures snapshotState(
            long checkpointId,
            long timestamp,
            CheckpointOptions checkpointOptions,
            CheckpointStreamFactory factory)
            throws Exception {
        // Written here rather than in snapshotState(context): only this overload sees the type.
        lastSnapshot.update(
                List.of(Tuple2.of(timestamp, isStop(checkpointOptions.getCheckpointType()))));
        return super.snapshotState(checkpointId, timestamp, checkpointOptions, factory);
    }

    private static boolean isStop(SnapshotType type) {
        return type instanceof SavepointType && ((SavepointType) type).isSynchronous();
    }

    @Override
    public void processElement(StreamRecord<KafkaEvent> element) {
        output.collect(element);
    }
}
