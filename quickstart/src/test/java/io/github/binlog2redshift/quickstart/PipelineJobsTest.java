package io.github.binlog2redshift.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;

/** The task slots a job graph takes, from which run-local sizes its cluster. */
class PipelineJobsTest {

    @Test
    void aJobInOneSlotSharingGroupTakesItsWidestVertex() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 10)
                .setParallelism(1)
                .map(identity())
                .setParallelism(4)
                .sinkTo(new DiscardingSink<>());

        assertThat(PipelineJobs.slotsOf(PipelineJobs.graph(env, "one-group"))).isEqualTo(4);
    }

    @Test
    void eachSlotSharingGroupTakesSlotsOfItsOwn() {
        StreamExecutionEnvironment env = env(2);
        env.fromSequence(1, 10)
                .setParallelism(1)
                .map(identity())
                .setParallelism(4)
                .slotSharingGroup("apply")
                .sinkTo(new DiscardingSink<>())
                .setParallelism(3);

        int slots = PipelineJobs.slotsOf(PipelineJobs.graph(env, "two-groups"));

        // The default group holds the source alone (1); "apply" the map (4) and the sink (3), which
        // follows its input's group.
        assertThat(slots).isEqualTo(5);
    }

    @Test
    void bothJobsSlotsAddUpSinceJobsNeverShareSlots() {
        StreamExecutionEnvironment source = env(1);
        source.fromSequence(1, 10).sinkTo(new DiscardingSink<>());
        StreamExecutionEnvironment sink = env(4);
        sink.fromSequence(1, 10).map(identity()).sinkTo(new DiscardingSink<>());

        PipelineJobs.Graphs graphs =
                new PipelineJobs.Graphs(
                        PipelineJobs.graph(source, "cdc-source"),
                        PipelineJobs.graph(sink, "redshift-sink"));

        assertThat(graphs.slots()).isEqualTo(5);
    }

    private static StreamExecutionEnvironment env(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        return env;
    }

    private static MapFunction<Long, Long> identity() {
        return v -> v;
    }
}
