package io.github.binlog2redshift.verify.canon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowHasherTest {

    private final RowHasher hasher = new RowHasher();

    @Test
    void valueBoundariesNullAndEmptyAllCount() {
        long ab = hasher.hash(List.of("ab", "c"));
        assertThat(hasher.hash(List.of("a", "bc"))).isNotEqualTo(ab);
        assertThat(hasher.hash(List.of("ab", "c"))).isEqualTo(ab);
        assertThat(hasher.hash(Arrays.asList("x", null)))
                .isNotEqualTo(hasher.hash(List.of("x", "")));
    }
}
