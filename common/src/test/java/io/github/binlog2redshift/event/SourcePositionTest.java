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

    @Test
    void aGreaterEpochOrdersAfterEveryPositionOfALowerOne() {
        SourcePosition old = at("mysql-bin.999999", 999_999_999L, 99).withEpoch(0);
        SourcePosition restarted = at("mysql-bin.000001", 4, 0).withEpoch(1);
        SourcePosition later = at("mysql-bin.000001", 4, 0).withEpoch(2);
        assertThat(restarted.isAfter(old)).isTrue();
        assertThat(later.isAfter(restarted)).isTrue();
        assertThat(restarted.sortKey()).isEqualTo("E00100000001:00000000000000000004:000000");
        assertThat(restarted.sortKey()).hasSameSizeAs(old.sortKey());
        assertThat(restarted.sortKey().compareTo(old.sortKey())).isPositive();
        assertThat(later.sortKey().compareTo(restarted.sortKey())).isPositive();
        // within an epoch, the order is the binlog's
        assertThat(
                        at("mysql-bin.000002", 4, 0)
                                .withEpoch(1)
                                .sortKey()
                                .compareTo(at("mysql-bin.000001", 900, 3).withEpoch(1).sortKey()))
                .isPositive();
        // a position without binlog coordinates (a snapshot row without a file) of epoch 1 too
        SourcePosition fileless = new SourcePosition(1, 0, "", 0, 0, 0, null, true, 0);
        assertThat(fileless.sortKey().compareTo(old.sortKey())).isPositive();
    }

    @Test
    void epochZeroKeepsTheKeyOfPositionsWrittenBeforeEpochs() {
        assertThat(at("mysql-bin.000009", 123456789, 3).withEpoch(0).sortKey())
                .isEqualTo("000000000009:00000000000123456789:000003");
        assertThat(at("mysql-bin.000009", 1, 0).epoch()).isZero();
    }

    @Test
    void anEpochOutOfRangeOrAFileSequenceItCannotCarryIsRejected() {
        assertThatThrownBy(() -> at("mysql-bin.000001", 4, 0).withEpoch(1000))
                .hasMessageContaining("epoch 1000 is not within 0..999");
        assertThatThrownBy(() -> at("mysql-bin.100000000", 4, 0).withEpoch(1))
                .hasMessageContaining("binlog file sequence 100000000 has more than 8 digits");
        assertThat(at("mysql-bin.99999999", 4, 0).withEpoch(1).sortKey())
                .startsWith("E00199999999:");
    }
}
