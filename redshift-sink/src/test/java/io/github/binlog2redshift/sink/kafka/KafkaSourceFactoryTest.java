package io.github.binlog2redshift.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.binlog2redshift.config.sink.StartingOffsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The starting-offsets mapping, which no compiler checks for a new mode. */
class KafkaSourceFactoryTest {

    @ParameterizedTest
    @EnumSource(StartingOffsets.class)
    void everyStartingOffsetsModeHasAnInitializer(StartingOffsets mode) {
        KafkaInputOptions options =
                new KafkaInputOptions(
                        "localhost:9092",
                        List.of("in"),
                        null,
                        "group",
                        mode,
                        mode == StartingOffsets.TIMESTAMP ? 1_700_000_000_000L : null,
                        0,
                        Map.of());
        assertThat(KafkaSourceFactory.startingOffsets(options)).isNotNull();
    }

    @Test
    void committedOffsetsFallBackToTheEarliest() {
        KafkaInputOptions options = KafkaInputOptions.of("localhost:9092", "group", "in");
        assertThat(KafkaSourceFactory.startingOffsets(options).getAutoOffsetResetStrategy())
                .isEqualTo(OffsetResetStrategy.EARLIEST);
    }
}
