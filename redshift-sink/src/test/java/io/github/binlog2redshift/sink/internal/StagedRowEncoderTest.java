package io.github.binlog2redshift.sink.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StagedRowEncoderTest {

    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @ParameterizedTest
    @ValueSource(
            longs = {
                1L,
                999L,
                1_000L,
                86_399_999L,
                951_782_400_000L, // 2000-02-29
                1_700_000_000_123L,
                253_402_300_799_999L, // 9999-12-31 23:59:59.999
                253_402_300_800_000L // year 10000: the formatter's form
            })
    void formatsCommitTimesLikeTheFormatter(long epochMs) {
        assertThat(StagedRowEncoder.utc(epochMs))
                .isEqualTo(REFERENCE.format(Instant.ofEpochMilli(epochMs)) + "+00");
    }

    @Test
    void formatsRandomCommitTimesLikeTheFormatter() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 100_000; i++) {
            long epochMs = random.nextLong(1, 253_402_300_800_000L);
            assertThat(StagedRowEncoder.utc(epochMs))
                    .isEqualTo(REFERENCE.format(Instant.ofEpochMilli(epochMs)) + "+00");
        }
    }
}
