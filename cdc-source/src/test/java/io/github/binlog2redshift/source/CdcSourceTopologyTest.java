package io.github.binlog2redshift.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.config.source.StartupMode;
import io.github.binlog2redshift.source.kafka.PartitionCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.cdc.connectors.mysql.table.StartupOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.apache.flink.streaming.runtime.partitioner.ForwardPartitioner;
import org.junit.jupiter.api.Test;

/** The job graph, built without services: uids, parallelism, and no rebalance anywhere. */
class CdcSourceTopologyTest {

    @Test
    void sourceRouterAndSinkAreForwardConnectedWithStableUids() {
        SourceConfig config = TestConfigs.source("source.parallelism=2", "source.server-id=1-2");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(CdcJobs.jobConfig());
        CdcSourceTopology.build(env, config, PartitionCounts.fixed(1));
        StreamGraph graph = env.getStreamGraph();

        List<StreamNode> nodes = List.copyOf(graph.getStreamNodes());
        assertThat(nodes)
                .extracting(StreamNode::getTransformationUID)
                .contains("mysql-binlog-source", "change-event-router", "kafka-sink");
        assertThat(nodes).allSatisfy(n -> assertThat(n.getParallelism()).isEqualTo(2));
        for (StreamNode n : nodes) {
            for (StreamEdge e : n.getOutEdges()) {
                assertThat(e.getPartitioner())
                        .as("edge %s", e)
                        .isInstanceOf(ForwardPartitioner.class);
            }
        }
    }

    @Test
    void startupModesMapToFlinkCdc() {
        assertThat(MySqlSourceFactory.startupOptions(TestConfigs.source().startup()))
                .isEqualTo(StartupOptions.initial());
        assertThat(
                        MySqlSourceFactory.startupOptions(
                                TestConfigs.source(
                                                "source.startup.mode=SPECIFIC_OFFSET",
                                                "source.startup.binlog-file=mysql-bin.000003",
                                                "source.startup.binlog-position=154")
                                        .startup()))
                .isEqualTo(StartupOptions.specificOffset("mysql-bin.000003", 154));
        assertThat(
                        MySqlSourceFactory.startupOptions(
                                TestConfigs.source(
                                                "source.startup.mode=TIMESTAMP",
                                                "source.startup.timestamp-ms=1700000000000")
                                        .startup()))
                .isEqualTo(StartupOptions.timestamp(1_700_000_000_000L));
        assertThat(
                        MySqlSourceFactory.startupOptions(
                                TestConfigs.source("source.startup.mode=EARLIEST").startup()))
                .isEqualTo(StartupOptions.earliest());
    }

    @Test
    void everyStartupModeMapsToFlinkCdc() {
        Map<StartupMode, List<String>> required =
                Map.of(
                        StartupMode.SPECIFIC_OFFSET,
                        List.of(
                                "source.startup.binlog-file=mysql-bin.000003",
                                "source.startup.binlog-position=154"),
                        StartupMode.GTID,
                        List.of("source.startup.gtid-set=3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"),
                        StartupMode.TIMESTAMP,
                        List.of("source.startup.timestamp-ms=1700000000000"));
        for (StartupMode mode : StartupMode.values()) {
            List<String> options = new ArrayList<>(required.getOrDefault(mode, List.of()));
            options.add("source.startup.mode=" + mode);
            SourceConfig config = TestConfigs.source(options.toArray(String[]::new));
            assertThat(MySqlSourceFactory.startupOptions(config.startup()))
                    .as("%s", mode)
                    .isNotNull();
        }
    }

    @Test
    void withoutATableListEveryTableOfEachDatabaseIsCaptured() {
        assertThat(
                        MySqlSourceFactory.tableList(
                                TestConfigs.source("source.database-list=shop,crm_.*")))
                .containsExactly(
                        TableNames.capturableOnly("(?:shop)\\..*"),
                        TableNames.capturableOnly("(?:crm_.*)\\..*"));
        assertThat(
                        MySqlSourceFactory.tableList(
                                TestConfigs.source("source.table-list=shop\\.orders")))
                .containsExactly(TableNames.capturableOnly("shop\\.orders"));
    }
}
