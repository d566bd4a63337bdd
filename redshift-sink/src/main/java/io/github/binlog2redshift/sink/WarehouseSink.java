package io.github.binlog2redshift.sink;

import io.github.binlog2redshift.sink.dialect.PostgresDialect;
import io.github.binlog2redshift.sink.dialect.RedshiftDialect;
import io.github.binlog2redshift.sink.internal.FaultPoints;
import io.github.binlog2redshift.sink.jdbc.ConnectionProvider;
import io.github.binlog2redshift.sink.jdbc.MergeExecutor;
import io.github.binlog2redshift.sink.jdbc.PostgresStageLoader;
import io.github.binlog2redshift.sink.jdbc.QuarantineStore;
import io.github.binlog2redshift.sink.jdbc.RedshiftStageLoader;
import io.github.binlog2redshift.sink.jdbc.ShapeCache;
import io.github.binlog2redshift.sink.jdbc.StageLoader;
import io.github.binlog2redshift.sink.jdbc.WarehouseKind;
import io.github.binlog2redshift.sink.jdbc.WarehouseSession;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessageTypeInfo;
import org.apache.flink.streaming.api.connector.sink2.SupportsPreCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;

/**
 * The apply half of redshift-sink as a Flink Sink V2: {@link StagingWriter} stages each checkpoint
 * interval's changes per table, {@link CheckpointIdAssigner} stamps the checkpoint id, and {@link
 * WarehouseCommitter} merges them into Redshift or PostgreSQL exactly once when the checkpoint
 * completes. Attach it with {@link #attach(DataStream, WarehouseSink)}; build it with {@link
 * #builder()}.
 */
public final class WarehouseSink
        implements Sink<StagedChange>,
                SupportsCommitter<TableCommittable>,
                SupportsPreCommitTopology<TableCommittable, TableCommittable> {

    private static final long serialVersionUID = 1L;

    /** The sink's uid; Flink derives the writer's and committer's from it. Never change it. */
    public static final String UID = "warehouse-apply";

    private final ApplySettings settings;

    WarehouseSink(ApplySettings settings) {
        this.settings = settings;
    }

    public static WarehouseSinkBuilder builder() {
        return new WarehouseSinkBuilder();
    }

    /** A sink configured from the job's typed {@code sink.*} configuration. */
    public static WarehouseSink fromConfig(
            io.github.binlog2redshift.config.sink.SinkConfig config) {
        return io.github.binlog2redshift.sink.internal.SinkConfigMapping.apply(config, builder())
                .build();
    }

    /** {@code stream.sinkTo(sink)} with the sink's fixed name and uid. */
    public static DataStreamSink<StagedChange> attach(
            DataStream<StagedChange> stream, WarehouseSink sink) {
        return stream.sinkTo(sink).name(UID).uid(UID);
    }

    public ApplySettings settings() {
        return settings;
    }

    @Override
    public SinkWriter<StagedChange> createWriter(WriterInitContext context) {
        return new StagingWriter(
                settings,
                context.getTaskInfo().getIndexOfThisSubtask(),
                context.metricGroup().counter(StagingWriter.REJECTED_METRIC));
    }

    /** Flink 1.20 calls {@link #createWriter(WriterInitContext)}; this older entry is unused. */
    @Override
    @Deprecated
    public SinkWriter<StagedChange> createWriter(InitContext context) {
        throw new UnsupportedOperationException("use createWriter(WriterInitContext)");
    }

    @Override
    public Committer<TableCommittable> createCommitter(CommitterInitContext context) {
        ConnectionProvider connections = new ConnectionProvider(settings.connection());
        // One cache per committer, shared by its sessions: a table's shape is verified once.
        ShapeCache shapes = new ShapeCache();
        return new WarehouseCommitter(
                () -> new WarehouseSession(connections, executor(shapes), settings.retry()),
                settings.maxParallelTables(),
                context.metricGroup(),
                new QuarantineStore(
                        settings.kind().dialect(), settings.controlSchema(), settings.jobId()),
                context.getTaskInfo().getIndexOfThisSubtask(),
                context.getTaskInfo().getNumberOfParallelSubtasks(),
                settings.retention(),
                settings.kind());
    }

    private MergeExecutor executor(ShapeCache shapes) {
        StageLoader loader;
        boolean toleratesSkipped = false;
        if (settings.kind() == WarehouseKind.REDSHIFT) {
            loader = new RedshiftStageLoader(new RedshiftDialect(), settings.copy());
            toleratesSkipped = settings.copy().maxError() != null && settings.copy().maxError() > 0;
        } else {
            loader = new PostgresStageLoader(new PostgresDialect());
        }
        return new MergeExecutor(
                settings.kind().dialect(),
                loader,
                settings.jobId(),
                toleratesSkipped,
                settings.policy(),
                shapes,
                FaultPoints.stepHook(settings.jobId()));
    }

    @Override
    public SimpleVersionedSerializer<TableCommittable> getCommittableSerializer() {
        return new TableCommittableSerializer();
    }

    @Override
    public SimpleVersionedSerializer<TableCommittable> getWriteResultSerializer() {
        return new TableCommittableSerializer();
    }

    @Override
    public DataStream<CommittableMessage<TableCommittable>> addPreCommitTopology(
            DataStream<CommittableMessage<TableCommittable>> committables) {
        return committables
                .map(new CheckpointIdAssigner())
                .returns(CommittableMessageTypeInfo.of(TableCommittableSerializer::new))
                .name("warehouse-apply-checkpoint-id")
                .uid("warehouse-apply-checkpoint-id")
                // Its own task, so the committer (chained after it) does not share the writer's
                // thread: a commit runs in notifyCheckpointComplete and took the writer, the
                // dedupe and the next barrier hostage for as long as it lasted.
                .disableChaining();
    }
}
