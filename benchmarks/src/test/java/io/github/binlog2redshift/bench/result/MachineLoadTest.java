package io.github.binlog2redshift.bench.result;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MachineLoadTest {

    @Test
    void measuresTheLoadAverageAndCpuSharesOfThisMachine() throws Exception {
        MachineLoad.Sampler sampler = MachineLoad.start();
        // some CPU time of our own, so the window has jiffies to divide
        long until = System.nanoTime() + 300_000_000L;
        long x = 0;
        while (System.nanoTime() < until) {
            x++;
        }
        MachineLoad load = sampler.stop();
        assertThat(x).isPositive();
        assertThat(load.loadMean()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(load.loadMax());
        assertThat(load.busyPercent()).isGreaterThan(0).isLessThanOrEqualTo(100);
        assertThat(load.stealPercent()).isBetween(0.0, 100.0);
    }

    @Test
    void describesItselfForNotes() {
        assertThat(new MachineLoad(3.14, 4.2, 87.4, 0).describe())
                .isEqualTo("load 3.1 (max 4.2), busy 87%, steal 0.0%");
    }
}
