package io.github.binlog2redshift.verify.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.binlog2redshift.verify.canon.KeyOrder;
import io.github.binlog2redshift.verify.canon.ValueKind;
import io.github.binlog2redshift.verify.jdbc.Row;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Chunk boundaries: cut by source rows, target rows follow the source's bounds. */
class ChunkScannerTest {

    private final KeyOrder order = new KeyOrder(List.of(ValueKind.INTEGER));

    static List<Row> rows(int... ids) {
        return IntStream.of(ids)
                .mapToObj(i -> new Row(List.of(String.valueOf(i), "v" + i), 1))
                .toList();
    }

    static ChunkScanner.RowSource stream(List<Row> rows) {
        Iterator<Row> it = rows.iterator();
        return () -> it.hasNext() ? it.next() : null;
    }

    private List<Chunk> scan(int chunkSize, List<Row> source, List<Row> target) throws Exception {
        return new ChunkScanner(order, chunkSize).scan(stream(source), stream(target), () -> {});
    }

    @Test
    void chunksOfNSourceRowsWithLastKeyAsInclusiveUpperBound() throws Exception {
        List<Row> rows = rows(1, 2, 3, 4, 5, 6, 7);
        List<Chunk> chunks = scan(3, rows, rows);
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).lower()).isNull();
        assertThat(chunks.get(0).upper()).containsExactly("3");
        assertThat(chunks.get(1).lower()).containsExactly("3");
        assertThat(chunks.get(1).upper()).containsExactly("6");
        assertThat(chunks.get(2).lower()).containsExactly("6");
        assertThat(chunks.get(2).upper()).isNull();
        assertThat(chunks).allMatch(Chunk::matches);
        assertThat(chunks.stream().mapToLong(Chunk::sourceRows)).containsExactly(3L, 3L, 1L);
    }

    @Test
    void exactMultipleLeavesNoEmptyTailChunk() throws Exception {
        List<Row> rows = rows(1, 2, 3, 4);
        assertThat(scan(2, rows, rows)).hasSize(2);
    }

    @Test
    void onlyTheChunkHoldingADifferenceDiffers() throws Exception {
        List<Row> target = new ArrayList<>(rows(1, 2, 3, 4, 6, 7, 8, 9));
        List<Chunk> chunks = scan(3, rows(1, 2, 3, 4, 5, 6, 7, 8, 9), target);
        assertThat(chunks.stream().map(Chunk::matches)).containsExactly(true, false, true);
        assertThat(chunks.get(1).targetRows()).isEqualTo(2);
    }

    @Test
    void targetRowsBelowTheFirstAndAboveTheLastSourceKeyAreCounted() throws Exception {
        List<Chunk> chunks = scan(2, rows(5, 6, 7, 8), rows(1, 5, 6, 7, 8, 20, 30));
        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).targetRows()).isEqualTo(3);
        assertThat(chunks.get(2).lower()).containsExactly("8");
        assertThat(chunks.get(2).sourceRows()).isZero();
        assertThat(chunks.get(2).targetRows()).isEqualTo(2);
    }

    @Test
    void emptyTablesGiveOneMatchingChunk() throws Exception {
        List<Chunk> chunks = scan(5, List.of(), List.of());
        assertThat(chunks).singleElement().satisfies(c -> assertThat(c.matches()).isTrue());
    }

    @Test
    void everyRowReadIsReported() throws Exception {
        AtomicLong read = new AtomicLong();
        new ChunkScanner(order, 2)
                .scan(stream(rows(1, 2, 3)), stream(rows(1, 2, 3, 4)), read::incrementAndGet);
        assertThat(read).hasValue(7);
    }

    @Test
    void chunkSizeMustBePositive() {
        assertThatThrownBy(() -> new ChunkScanner(order, 0)).hasMessageContaining("got 0");
    }
}
