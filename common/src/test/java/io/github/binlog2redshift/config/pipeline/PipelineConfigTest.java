package io.github.binlog2redshift.config.pipeline;

import static io.github.binlog2redshift.config.TestSettings.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PipelineConfigTest {

    @Test
    void parsesEveryOption() {
        PipelineConfig p =
                PipelineConfig.from(
                        file(
                                "pipeline.job-name=my-job",
                                "pipeline.parallelism=3",
                                "pipeline.checkpoint.interval=1 min",
                                "pipeline.checkpoint.dir=s3://b/cp",
                                "pipeline.checkpoint.mode=at-least-once",
                                "pipeline.state-backend=rocksdb",
                                "pipeline.restart-strategy=fixed-delay",
                                "pipeline.restart-strategy.attempts=3",
                                "pipeline.restart-strategy.delay=5s",
                                "pipeline.disable-chaining=true"),
                        "default");
        assertThat(p.jobName()).isEqualTo("my-job");
        assertThat(p.parallelism()).hasValue(3);
        assertThat(p.checkpointInterval()).contains(Duration.ofMinutes(1));
        assertThat(p.checkpointDir()).contains("s3://b/cp");
        assertThat(p.checkpointMode()).isEqualTo(CheckpointMode.AT_LEAST_ONCE);
        assertThat(p.stateBackend()).contains(StateBackendKind.ROCKSDB);
        assertThat(p.restartStrategy())
                .contains(
                        new RestartStrategy(
                                RestartStrategyKind.FIXED_DELAY,
                                3,
                                Duration.ofSeconds(5),
                                Duration.ofMinutes(5)));
        assertThat(p.disableChaining()).isTrue();
    }

    @Test
    void defaultsAndJobName() {
        PipelineConfig p = PipelineConfig.from(file(), "cdc-source");
        assertThat(p.jobName()).isEqualTo("cdc-source");
        assertThat(p.parallelism()).isEmpty();
        assertThat(p.checkpointDir()).isEmpty();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> PipelineConfig.from(file("pipeline.checkpoint.interval=1ms"), "x"))
                .hasMessageContaining("expected a duration of at least 10ms, got '1ms'");
        assertThatThrownBy(
                        () ->
                                PipelineConfig.from(
                                        file("pipeline.restart-strategy.max-delay=1s"), "x"))
                .hasMessageContaining("'pipeline.restart-strategy.max-delay'")
                .hasMessageContaining(">= pipeline.restart-strategy.delay");
        assertThatThrownBy(() -> PipelineConfig.from(file("pipeline.parallelism=0"), "x"))
                .hasMessageContaining("expected integer >= 1, got '0'");
    }
}
