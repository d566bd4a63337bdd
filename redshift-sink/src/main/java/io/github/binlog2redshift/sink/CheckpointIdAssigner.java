package io.github.binlog2redshift.sink;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableSummary;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;

/**
 * The pre-commit step: stamps each committable with the checkpoint id its message carries, which
 * Flink gives to this topology but not to the writer's {@code prepareCommit}. One-to-one and
 * chained; summaries pass unchanged. At end of input the id is {@code Long.MAX_VALUE} (Flink's
 * marker for the final commit); the staging id keeps such committables apart in the ledger.
 */
public final class CheckpointIdAssigner
        implements MapFunction<
                CommittableMessage<TableCommittable>, CommittableMessage<TableCommittable>> {

    @Override
    public CommittableMessage<TableCommittable> map(CommittableMessage<TableCommittable> message) {
        if (message instanceof CommittableWithLineage) {
            CommittableWithLineage<TableCommittable> c =
                    (CommittableWithLineage<TableCommittable>) message;
            long id = c.getCheckpointIdOrEOI();
            return c.map(committable -> committable.withCheckpointId(id));
        }
        return ((CommittableSummary<TableCommittable>) message).map();
    }
}
