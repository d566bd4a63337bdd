package io.github.binlog2redshift.config.pipeline;

import static io.github.binlog2redshift.config.TestSettings.file;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class FlinkEnvironmentTest {

    private static StreamExecutionEnvironment cluster(Configuration conf) {
        return StreamExecutionEnvironment.getExecutionEnvironment(conf);
    }

    @Test
    void unsetOptionsLeaveTheClusterSettingsAlone() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(30));
        conf.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        StreamExecutionEnvironment env = cluster(conf);

        FlinkEnvironment.configure(env, PipelineConfig.from(file(), "job"));

        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(30_000);
        Configuration after = (Configuration) env.getConfiguration();
        assertThat(after.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(after.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("fixed-delay");
    }

    @Test
    void explicitOptionsWin() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofSeconds(30));
        StreamExecutionEnvironment env = cluster(conf);

        FlinkEnvironment.configure(
                env,
                PipelineConfig.from(
                        file(
                                "pipeline.checkpoint.interval=2s",
                                "pipeline.state-backend=hashmap",
                                "pipeline.restart-strategy=none"),
                        "job"));

        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(2_000);
        Configuration after = (Configuration) env.getConfiguration();
        assertThat(after.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("hashmap");
        assertThat(after.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("none");
    }

    @Test
    void checkpointsAreAlwaysOn() {
        StreamExecutionEnvironment env = cluster(new Configuration());

        FlinkEnvironment.configure(env, PipelineConfig.from(file(), "job"));

        assertThat(env.getCheckpointConfig().getCheckpointInterval())
                .isEqualTo(PipelineConfig.DEFAULT_CHECKPOINT_INTERVAL.toMillis());
    }
}
