package io.github.binlog2redshift.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.event.PartitionKey;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.localstack.LocalStack;
import io.github.binlog2redshift.localstack.Warehouse;
import io.github.binlog2redshift.localstack.junit.LocalStackExtension;
import io.github.binlog2redshift.sink.jdbc.SinkTarget;
import io.github.binlog2redshift.sink.serde.StagedChangeCodec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole apply half in a MiniCluster: staged changes, keyed as the ingest side keys them, go
 * through the sink at parallelism 2 with checkpointing, into gzip CSV files on S3 (S3Proxy through
 * Flink's S3 plugin), and from there into each target: streamed into PostgreSQL, COPY'd by
 * Redshift.
 */
@ExtendWith(LocalStackExtension.class)
class WarehouseSinkITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(noRestarts())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    static Configuration noRestarts() {
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return conf;
    }

    @ParameterizedTest
    @EnumSource(Warehouse.class)
    void stagesOnS3AndMergesIntoTheWarehouse(Warehouse warehouse, LocalStack stack)
            throws Exception {
        SinkTarget db = SinkTarget.create(warehouse, stack);
        String staging = db.stagingUri();
        WarehouseSink sink =
                WarehouseSink.builder()
                        .connection(db.connection())
                        .copyOptions(db.copyOptions())
                        .stagingPath(staging)
                        .jobId("sink-it")
                        .maxParallelTables(2)
                        .build();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.enableCheckpointing(300);
        DataStream<StagedChange> changes =
                env.addSource(new CheckpointPacedSource(), StagedChangeCodec.typeInfo())
                        .setParallelism(1)
                        .name("paced-source")
                        .uid("paced-source")
                        .keyBy(
                                c ->
                                        PartitionKey.of(
                                                TableId.of(c.target().schema(), c.target().name()),
                                                c.event().primaryKey(),
                                                c.event().keyImage()));
        WarehouseSink.attach(changes, sink);
        env.execute("warehouse-sink-it");

        assertThat(query(db, "SELECT id, note FROM shop.orders ORDER BY id"))
                .containsExactly(
                        "1|v1", "2|v1, \"quoted\"\nline", "3|back", "4|v0", "5|v0", "6|v2");
        assertThat(query(db, "SELECT id, note FROM shop.items ORDER BY id"))
                .containsExactly("2|item", "3|item");
        assertThat(
                        query(
                                db,
                                "SELECT count(DISTINCT checkpoint_id) >= 3,"
                                        + " sum(rows_staged) FROM shop._b2r_commit_ledger"
                                        + " WHERE job_id = 'sink-it' AND target_table = 'shop.orders'"))
                .containsExactly("t|11");
        // Every batch was staged (the ledger's rows_staged above) and, once its commit was
        // recorded, its staged files (and Redshift's manifests) were deleted by the sink
        // (sink.retention.delete-staged-files, on by default): nothing is left under the table.
        Path tableDir = new Path(staging + "sink-it/shop.orders/");
        FileSystem fs = tableDir.getFileSystem();
        List<String> left = new ArrayList<>();
        if (fs.exists(tableDir)) {
            for (FileStatus f : fs.listStatus(tableDir)) {
                left.add(f.getPath().getName());
            }
        }
        assertThat(left).isEmpty();
    }

    private static List<String> query(SinkTarget db, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect();
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2));
            }
        }
        return rows;
    }
}
