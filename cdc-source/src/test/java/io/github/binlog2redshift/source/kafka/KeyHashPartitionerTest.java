package io.github.binlog2redshift.source.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

class KeyHashPartitionerTest {

    private final KeyHashPartitioner partitioner = new KeyHashPartitioner();
    private final int[] six = {0, 1, 2, 3, 4, 5};

    @Test
    void everyKeyGoesToMurmur2ModuloPartitions() {
        for (int i = 0; i < 1000; i++) {
            byte[] key = ("shop.orders." + i).getBytes(StandardCharsets.UTF_8);
            int expected = (Utils.murmur2(key) & 0x7fffffff) % 6;
            assertThat(partitioner.partition(KafkaEvent.byKey("t", key, null), key, null, "t", six))
                    .isEqualTo(expected);
        }
    }

    @Test
    void isStableAcrossInstancesAndRuns() {
        // Pinned values: a change here would move every key to another partition.
        assertThat(KeyHashPartitioner.partitionFor(bytes("shop.orders.1"), 6))
                .isEqualTo(Utils.toPositive(Utils.murmur2(bytes("shop.orders.1"))) % 6);
        assertThat(Utils.murmur2(bytes("shop.orders.1")))
                .isEqualTo(Utils.murmur2(bytes("shop.orders.1")));
        assertThat(KeyHashPartitioner.partitionFor(bytes("a"), 100))
                .isEqualTo(
                        new KeyHashPartitioner()
                                .partition(
                                        KafkaEvent.byKey("t", bytes("a"), null),
                                        bytes("a"),
                                        null,
                                        "t",
                                        range(100)));
        assertThat(Utils.murmur2(bytes("a"))).isEqualTo(-1_563_381_124);
    }

    @Test
    void ddlCopiesKeepTheirPartition() {
        for (int p = 0; p < 6; p++) {
            KafkaEvent copy = new KafkaEvent("t", bytes("shop.orders"), null, p);
            assertThat(partitioner.partition(copy, bytes("shop.orders"), null, "t", six))
                    .isEqualTo(p);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static int[] range(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }
}
