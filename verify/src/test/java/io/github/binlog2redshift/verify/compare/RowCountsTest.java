package io.github.binlog2redshift.verify.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RowCountsTest {

    private static List<Long> nonZero(RowCounts c) {
        List<Long> out = new ArrayList<>();
        c.forEachNonZero(out::add);
        return out;
    }

    @Test
    void countsSourceMinusTargetPerRowAndListsOnlyWhatDiffers() {
        RowCounts c = new RowCounts(4);
        c.add(7L, 1);
        c.add(7L, 1);
        c.add(7L, -1);
        c.add(-3L, -1);
        c.add(0L, 1); // the hash 0 is the table's empty marker: kept apart
        c.add(0L, -1);
        c.add(42L, 1);
        c.add(42L, -1);
        assertThat(c.get(7L)).isEqualTo(1);
        assertThat(c.get(-3L)).isEqualTo(-1);
        assertThat(c.get(0L)).isZero();
        assertThat(c.get(99L)).isZero();
        assertThat(nonZero(c)).containsExactlyInAnyOrder(7L, -3L);
    }

    @Test
    void growsPastItsExpectedSizeWithoutLosingCounts() {
        RowCounts c = new RowCounts(1);
        Random r = new Random(17);
        long[] hashes = new long[50_000];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = r.nextLong();
            c.add(hashes[i], 2);
            c.add(hashes[i], -1);
        }
        for (long h : hashes) {
            assertThat(c.get(h)).isEqualTo(1);
        }
        assertThat(nonZero(c)).hasSize(hashes.length);
    }
}
