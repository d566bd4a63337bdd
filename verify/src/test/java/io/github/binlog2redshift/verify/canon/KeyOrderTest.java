package io.github.binlog2redshift.verify.canon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyOrderTest {

    @Test
    void numbersByValueThenTextByCodePoint() {
        KeyOrder order = new KeyOrder(List.of(ValueKind.INTEGER, ValueKind.TEXT));
        assertThat(order.compare(List.of("9", "b"), List.of("10", "a"))).isNegative();
        assertThat(order.compare(List.of("10", "B"), List.of("10", "a"))).isNegative();
        assertThat(order.compare(List.of("10", "a"), List.of("10", "a"))).isZero();
        assertThat(order.compare(List.of("10", "ab"), List.of("10", "a"))).isPositive();
    }

    @Test
    void supplementaryCharactersSortAboveTheBasicPlane() {
        // UTF-16 compareTo puts U+1F600 (surrogates D83D..) below U+FF5E; code point order does not
        assertThat(KeyOrder.compareCodePoints("\uD83D\uDE00", "\uFF5E")).isPositive();
    }

    @Test
    void fixedWidthCanonicalTextSortsChronologically() {
        KeyOrder order = new KeyOrder(List.of(ValueKind.DATETIME));
        assertThat(
                        order.compare(
                                List.of("2024-01-31 12:00:00.000000"),
                                List.of("2024-02-01 00:00:00.000000")))
                .isNegative();
    }
}
