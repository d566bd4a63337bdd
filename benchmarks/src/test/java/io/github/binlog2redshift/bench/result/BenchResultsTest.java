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
