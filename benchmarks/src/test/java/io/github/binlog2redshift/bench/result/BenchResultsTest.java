package io.github.binlog2redshift.bench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchResultsTest {

    @Test
    void ratiosReadAboveOneAsBetterInBothDirections() {
        List<Ratio> ratios = Samples.run().ratios();
        assertThat(ratios)
                .filteredOn(r -> r.kind() == Ratio.Kind.ADVANTAGE)
                .extracting(Ratio::scenario, Ratio::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("source-catch-up", 2.5),
                        org.assertj.core.groups.Tuple.tuple("latency-800/s", 2.0));
    }

    @Test
    void fractionsOfTheReferenceForOursAndThePeer() {
        List<Ratio> ratios = Samples.run().ratios();
        assertThat(ratios)
                .filteredOn(r -> r.kind() == Ratio.Kind.FRACTION_OF_REFERENCE)
                .extracting(Ratio::system, Ratio::formatted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Measurement.OURS, "6.3%"),
                        org.assertj.core.groups.Tuple.tuple(Measurement.PEER, "2.5%"));
    }

    @Test
    void everyPeerConfigurationGetsItsOwnRatio() {
        BenchResults r = new BenchResults("quick");
        r.add(Measurement.rate("sink", Measurement.OURS, 30, "events/s", ""));
        r.add(Measurement.rate("sink", Measurement.PEER, 20, "events/s", "2 tasks"));
        r.add(Measurement.rate("sink", Measurement.PEER + "-1-task", 40, "events/s", "1 task"));
        assertThat(r.ratios())
                .extracting(Ratio::baseline, Ratio::formatted)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Measurement.PEER, "1.50x"),
                        org.assertj.core.groups.Tuple.tuple(Measurement.PEER + "-1-task", "0.75x"));
    }

    @Test
    void aMedianKeepsItsRunsAndRange() {
        Measurement odd =
                Measurement.median(
                        "s",
                        "x",
                        "rate",
                        List.of(3.0, 1.0, 2.0),
                        "u",
                        Direction.HIGHER_IS_BETTER,
                        "");
        assertThat(odd.value()).isEqualTo(2.0);
        assertThat(odd.min()).isEqualTo(1.0);
        assertThat(odd.max()).isEqualTo(3.0);
        assertThat(odd.runs()).containsExactly(3.0, 1.0, 2.0);
        Measurement even =
                Measurement.median(
                        "s",
                        "x",
                        "rate",
                        List.of(4.0, 1.0, 2.0, 10.0),
                        "u",
                        Direction.HIGHER_IS_BETTER,
                        "");
        assertThat(even.value()).isEqualTo(3.0);
        Measurement once = Measurement.rate("s", "x", 5, "u", "");
        assertThat(once.min()).isEqualTo(5.0);
        assertThat(once.max()).isEqualTo(5.0);
        assertThatThrownBy(
                        () ->
                                Measurement.median(
                                        "s",
                                        "x",
                                        "rate",
                                        List.of(),
                                        "u",
                                        Direction.HIGHER_IS_BETTER,
                                        ""))
                .hasMessageContaining("no runs");
    }

    @Test
    void zeroBaselinesAreLeftOut() {
        BenchResults r = new BenchResults("quick");
        r.add(Measurement.rate("s", Measurement.OURS, 10, "events/s", ""));
        r.add(Measurement.rate("s", Measurement.PEER, 0, "events/s", "did not finish"));
        assertThat(r.ratios()).isEmpty();
    }

    @Test
    void nonFiniteFiguresAreRejectedWithTheirName() {
        assertThatThrownBy(
                        () ->
                                Measurement.rate(
                                        "sink-catch-up",
                                        Measurement.OURS,
                                        Double.NaN,
                                        "events/s",
                                        ""))
                .hasMessageContaining("sink-catch-up/binlog2redshift/rate");
    }
}
