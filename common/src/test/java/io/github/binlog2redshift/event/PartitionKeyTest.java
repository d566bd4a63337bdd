package io.github.binlog2redshift.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionKeyTest {

    private static final TableId T = TableId.of("shop", "orders");

    @Test
    void singleAndCompositeKeys() {
        assertThat(PartitionKey.of(T, List.of("id"), Map.of("id", 7L, "x", "y")))
                .isEqualTo("shop.orders.7");
        assertThat(PartitionKey.of(T, List.of("a", "b"), Map.of("a", 1L, "b", "two")))
                .isEqualTo("shop.orders.1.two");
    }

    @Test
    void dotsAndBackslashesAreEscapedSoKeysNeverCollide() {
        String ab = PartitionKey.of(T, List.of("a", "b"), Map.of("a", "x.y", "b", "z"));
        String a2 = PartitionKey.of(T, List.of("a", "b"), Map.of("a", "x", "b", "y.z"));
        assertThat(ab).isEqualTo("shop.orders.x\\.y.z");
        assertThat(a2).isEqualTo("shop.orders.x.y\\.z");
        assertThat(PartitionKey.of(TableId.of("a.b", "c"), List.of(), Map.of()))
                .isNotEqualTo(PartitionKey.of(TableId.of("a", "b.c"), List.of(), Map.of()));
        assertThat(PartitionKey.of(T, List.of("a"), Map.of("a", "\\N")))
                .isEqualTo("shop.orders.\\\\N");
    }

    @Test
    void nullValueHasItsOwnMarker() {
        Map<String, Object> row = new HashMap<>();
        row.put("a", null);
        assertThat(PartitionKey.of(T, List.of("a"), row)).isEqualTo("shop.orders.\\N");
    }

    @Test
    void tableWithoutKeyIsKeyedByTable() {
        assertThat(PartitionKey.of(T, List.of(), Map.of("x", 1L))).isEqualTo("shop.orders");
    }

    @Test
    void missingKeyColumnIsAnExplicitError() {
        assertThatThrownBy(() -> PartitionKey.of(T, List.of("id"), Map.of("x", 1L)))
                .isInstanceOf(PartitionKey.MissingKeyValueException.class)
                .hasMessage("key column 'id' of table shop.orders has no value in the row image");
    }
}
