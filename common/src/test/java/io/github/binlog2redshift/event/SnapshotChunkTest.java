package io.github.binlog2redshift.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SnapshotChunkTest {

    private static final TableId TABLE = TableId.of("shop", "or`ders");

    @Test
    void everyShapeOfRangeReadsBackAsWritten() {
        BigInteger max = new BigInteger("18446744073709551615");
        for (SnapshotChunk chunk :
                new SnapshotChunk[] {
                    SnapshotChunk.wholeTable(),
                    SnapshotChunk.range("id", null, BigInteger.valueOf(100)),
                    SnapshotChunk.range("i`d", BigInteger.valueOf(-5), BigInteger.valueOf(100)),
                    SnapshotChunk.range("id", max, null)
                }) {
            String text = chunk.statement(TABLE);
            assertThat(SnapshotChunk.isChunk(text)).isTrue();
            assertThat(SnapshotChunk.parse(text)).isEqualTo(chunk);
        }
        assertThat(SnapshotChunk.range("id", BigInteger.ONE, BigInteger.TEN).statement(TABLE))
                .isEqualTo("SNAPSHOT CHUNK OF `shop`.`or``ders` WHERE `id` >= 1 AND `id` < 10");
    }

    @Test
    void keywordsMappedToLowerCaseStillParse() {
        assertThat(SnapshotChunk.parse("snapshot chunk of `s`.`t` where `id` >= 1 and `id` < 10"))
                .isEqualTo(SnapshotChunk.range("id", BigInteger.ONE, BigInteger.TEN));
    }

    @Test
    void anOrdinaryDdlIsNoChunkAndAMalformedChunkIsRefused() {
        assertThat(SnapshotChunk.parse("ALTER TABLE t ADD COLUMN c INT")).isNull();
        assertThat(SnapshotChunk.isChunk("TRUNCATE TABLE t")).isFalse();
        assertThatThrownBy(() -> SnapshotChunk.parse("SNAPSHOT CHUNK OF `s`.`t` WHERE `id` >= x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed snapshot chunk");
        assertThatThrownBy(
                        () ->
                                SnapshotChunk.parse(
                                        "SNAPSHOT CHUNK OF `s`.`t` WHERE `id` >= 1 AND `k` < 9"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
