package io.github.binlog2redshift.source.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rows of partial binlog row images spread to the table's width, marked, and completed. */
class PresentColumnsTest {

    static BitSet bits(int... set) {
        BitSet b = new BitSet();
        for (int i : set) {
            b.set(i);
        }
        return b;
    }

    @Test
    void aFullRowStaysAsItIs() {
        Serializable[] packed = {1, "a", 2L};
        assertThat(PresentColumns.expand(packed, bits(0, 1, 2), 3)).isSameAs(packed);
        assertThat(PresentColumns.of(packed)).isNull();
    }

    @Test
    void aPartialRowIsSpreadAndMarked() {
        Serializable[] row = PresentColumns.expand(new Serializable[] {1, null}, bits(0, 2), 4);
        assertThat(row).hasSize(5);
        assertThat(row).startsWith(1, null, null, null);
        assertThat(PresentColumns.of(row).headerValue()).isEqualTo("0,2");
        assertThat(PresentColumns.names("0,2", List.of("id", "a", "b", "c")))
                .containsExactly("id", "b");
        assertThat(PresentColumns.names(null, List.of("id"))).isNull();
    }

    @Test
    void anUpdateTakesWhatItsAfterImageLacksFromItsBeforeImage() {
        // MINIMAL: the key (column 0) before, the changed column 2 after.
        Serializable[] before = PresentColumns.expand(new Serializable[] {7}, bits(0), 3);
        Serializable[] after = PresentColumns.expand(new Serializable[] {"x"}, bits(2), 3);
        Serializable[] completed = PresentColumns.completeAfter(before, after);
        assertThat(completed).startsWith(7, null, "x");
        assertThat(PresentColumns.of(completed).headerValue()).isEqualTo("0,2");
        // A keyless table's before image is the whole row: the after image becomes full.
        Serializable[] whole = {7, "y", "z"};
        Serializable[] full = PresentColumns.completeAfter(whole, after);
        assertThat(full).containsExactly(7, "y", "x");
        assertThat(PresentColumns.of(full)).isNull();
    }

    @Test
    void keepDropsTheColumnsTheImageDidNotCarry() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("a", null);
        row.put("b", 0);
        assertThat(PresentColumns.keep(row, List.of("id", "a"))).containsOnlyKeys("id", "a");
        assertThat(PresentColumns.keep(null, List.of("id"))).isNull();
    }
}
