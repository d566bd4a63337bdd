package io.github.binlog2redshift.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SourcePositionTest {

    private static SourcePosition at(String file, long pos, int row) {
        return SourcePosition.binlog(1, file, pos, row, null, false, 0);
    }

    @Test
    void ordersByFileThenPositionThenRowNeverByTimestamp() {
        SourcePosition a = SourcePosition.binlog(1, "mysql-bin.000009", 900, 0, null, false, 5000);
        SourcePosition b = SourcePosition.binlog(1, "mysql-bin.000010", 4, 0, null, false, 1000);
        assertThat(b.isAfter(a)).isTrue();
        assertThat(at("mysql-bin.000010", 500, 1).isAfter(at("mysql-bin.000010", 500, 0))).isTrue();
        assertThat(at("mysql-bin.000010", 499, 9).isAfter(at("mysql-bin.000010", 500, 0)))
                .isFalse();
    }

    @Test
    void fileSequencePastSixDigitsStillOrders() {
        assertThat(at("mysql-bin.1000000", 4, 0).isAfter(at("mysql-bin.999999", 4, 0))).isTrue();
    }

    @Test
    void sortKeySortsLikeThePosition() {
        SourcePosition a = at("mysql-bin.000009", 123456789, 3);
        SourcePosition b = at("mysql-bin.000010", 4, 0);
        assertThat(a.sortKey()).isEqualTo("000000000009:00000000000123456789:000003");
        assertThat(a.sortKey().compareTo(b.sortKey())).isNegative();
    }

    @Test
    void fileWithoutNumericSuffixIsRejected() {
        assertThatThrownBy(() -> at("binlog", 4, 0))
                .hasMessageContaining("binlog file name 'binlog' has no numeric suffix");
    }
}
