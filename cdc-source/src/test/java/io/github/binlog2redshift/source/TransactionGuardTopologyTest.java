package io.github.binlog2redshift.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.config.ConfigException;
import io.github.binlog2redshift.config.source.SourceConfig;
import io.github.binlog2redshift.source.kafka.PartitionCounts;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/** The transaction timeout guard in the job graph, and its start-time checks. */
class TransactionGuardTopologyTest {

    private static final String[] EXACTLY_ONCE = {
        "kafka.delivery-guarantee=EXACTLY_ONCE", "kafka.transactional-id-prefix=cdc-t"
    };

    private static StreamExecutionEnvironment env() {
        return StreamExecutionEnvironment.getExecutionEnvironment(CdcJobs.jobConfig());
    }

    @Test
    void theGuardSitsBeforeTheSinkInEveryGuarantee() {
        for (SourceConfig config :
                List.of(TestConfigs.source(), TestConfigs.source(EXACTLY_ONCE))) {
            StreamExecutionEnvironment env = env();
            CdcSourceTopology.build(env, config, PartitionCounts.fixed(1));
            assertThat(env.getStreamGraph().getStreamNodes())
                    .extracting(StreamNode::getTransformationUID)
                    .contains("change-event-router", "transaction-timeout-guard", "kafka-sink");
        }
    }

    @Test
    void aCheckpointIntervalAsLongAsTheTimeoutIsRejected() {
        SourceConfig config =
                TestConfigs.source(
                        EXACTLY_ONCE[0],
                        EXACTLY_ONCE[1],
                        "pipeline.checkpoint.interval=2 min",
                        "kafka.properties.transaction.timeout.ms=120000");
        assertThatThrownBy(() -> CdcSourceTopology.build(env(), config, PartitionCounts.fixed(1)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "The checkpoint interval PT2M must be shorter than the Kafka transaction"
                                + " timeout PT2M (kafka.properties.transaction.timeout.ms)");
    }

    @Test
    void aTimeoutThatIsNotANumberNamesTheKey() {
        SourceConfig config =
                TestConfigs.source(
                        EXACTLY_ONCE[0],
                        EXACTLY_ONCE[1],
                        "kafka.properties.transaction.timeout.ms=15min");
        assertThatThrownBy(() -> CdcSourceTopology.build(env(), config, PartitionCounts.fixed(1)))
                .hasMessage(
                        "Invalid value for 'kafka.properties.transaction.timeout.ms': expected"
                                + " milliseconds, got '15min'");
    }

    @Test
    void theOptionIsRead() {
        assertThat(TestConfigs.source().allowExpiredTransactions()).isFalse();
        assertThat(
                        TestConfigs.source("source.allow-expired-transactions=true")
                                .allowExpiredTransactions())
                .isTrue();
    }
}
