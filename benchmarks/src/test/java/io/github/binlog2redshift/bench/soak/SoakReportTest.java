package io.github.binlog2redshift.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak's growth criterion, its CSV and its plot. */
class SoakReportTest {

    @TempDir Path dir;

    /** A sample at {@code t} seconds with {@code ledger} ledger rows, the rest steady. */
    static SoakSample at(long t, long ledger) {
        return new SoakSample(t, t * 50, 55, 20_000, ledger, 3_000, 5, 2, t, t);
    }

    @Test
    void aPlateauIsBoundedAndALinearGrowthIsNot() throws Exception {
        SoakReport bounded = new SoakReport(dir.resolve("bounded"));
        SoakReport linear = new SoakReport(dir.resolve("linear"));
        for (long t = 0; t <= 3600; t += 30) {
            bounded.add(at(t, t < 420 ? t * 2 : 800 + t % 90));
            linear.add(at(t, t * 2));
        }
        assertThat(bounded.judged(420)).isTrue();
        assertThat(bounded.growing(420)).isEmpty();
        assertThat(linear.growing(420)).containsExactly("ledger_rows: max 3960 then 7200");
        assertThat(Files.readAllLines(dir.resolve("linear").resolve("soak.csv")))
                .hasSize(122)
                .startsWith(SoakSample.HEADER, "0,0,55,20000,0,3000,5,2,0,0");
        assertThat(Files.readString(linear.plot("t")))
                .contains("<polyline")
                .contains("ledger_rows");
    }

    @Test
    void aRunShorterThanTheWarmUpIsNotJudged() throws Exception {
        SoakReport r = new SoakReport(dir);
        for (long t = 0; t <= 300; t += 30) {
            r.add(at(t, t * 100));
        }
        assertThat(r.judged(420)).isFalse();
        assertThat(r.growing(420)).isEmpty();
    }
}
