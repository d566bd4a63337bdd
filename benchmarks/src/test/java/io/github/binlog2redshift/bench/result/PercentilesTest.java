package io.github.binlog2redshift.bench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOnOneToHundred() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[99 - i] = i + 1; // reversed: the class must sort
        }
        Percentiles p = Percentiles.of(samples);
        assertThat(p.percentile(50)).isEqualTo(50);
        assertThat(p.percentile(95)).isEqualTo(95);
        assertThat(p.percentile(99)).isEqualTo(99);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.mean()).isEqualTo(50.5);
        assertThat(samples[0]).as("input untouched").isEqualTo(100);
    }

    @Test
    void neverInventsAValueBetweenSamples() {
        Percentiles p = Percentiles.of(new long[] {10, 1000});
        assertThat(p.percentile(50)).isEqualTo(10);
        assertThat(p.percentile(50.1)).isEqualTo(1000);
        assertThat(p.percentile(99)).isEqualTo(1000);
    }

    @Test
    void singleSampleIsEveryPercentile() {
        Percentiles p = Percentiles.of(new long[] {7});
        assertThat(p.percentile(0.1)).isEqualTo(7);
        assertThat(p.percentile(99.9)).isEqualTo(7);
    }

    @Test
    void smallSetsRoundTheRankUp() {
        Percentiles p = Percentiles.of(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(p.percentile(95)).isEqualTo(10);
        assertThat(p.percentile(90)).isEqualTo(9);
        assertThat(p.percentile(10)).isEqualTo(1);
    }

    @Test
    void noSamplesIsAnErrorNotZero() {
        assertThatThrownBy(() -> Percentiles.of(new long[0]).percentile(50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no samples");
    }

    @Test
    void rejectsPercentilesOutsideTheRange() {
        Percentiles p = Percentiles.of(new long[] {1});
        assertThatThrownBy(() -> p.percentile(0)).hasMessageContaining("(0, 100]");
        assertThatThrownBy(() -> p.percentile(101)).hasMessageContaining("got 101");
    }
}
