package io.github.binlog2redshift.verify.compare;

import io.github.binlog2redshift.verify.canon.KeyOrder;
import io.github.binlog2redshift.verify.canon.RowHasher;
import io.github.binlog2redshift.verify.jdbc.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 2: walks both sides' key-ordered streams once, together, and cuts them into chunks of
 * {@code chunkSize} source rows. A chunk's upper bound is its last source key; the target rows up
 * to that key fall in the same chunk, and target rows above the last source key fall in the last
 * chunk. Memory holds one row per side and one small digest per chunk.
 */
public final class ChunkScanner {

    /** A key-ordered stream of rows; {@code null} after the last. */
    @FunctionalInterface
    public interface RowSource {
        Row next() throws Exception;
    }

    /** Told about every row read, for the progress bar. */
    @FunctionalInterface
    public interface RowListener {
        void rowRead();
    }

    private final KeyOrder order;
    private final int chunkSize;
    private final RowHasher hasher = new RowHasher();

    public ChunkScanner(KeyOrder order, int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1, got " + chunkSize);
        }
        this.order = order;
        this.chunkSize = chunkSize;
    }

    public List<Chunk> scan(RowSource source, RowSource target, RowListener listener)
            throws Exception {
        List<Chunk> chunks = new ArrayList<>();
        List<String> lower = null;
        Chunk.Builder current = new Chunk.Builder();
        Row t = target.next();
        Row s;
        while ((s = source.next()) != null) {
            listener.rowRead();
            current.addSource(hasher.hash(s.values()));
            if (current.sourceRows == chunkSize) {
                List<String> upper = List.copyOf(s.key());
                while (t != null && order.compare(t.key(), upper) <= 0) {
                    listener.rowRead();
                    current.addTarget(hasher.hash(t.values()));
                    t = target.next();
                }
                chunks.add(current.build(chunks.size(), lower, upper));
                lower = upper;
                current = new Chunk.Builder();
            }
        }
        while (t != null) {
            listener.rowRead();
            current.addTarget(hasher.hash(t.values()));
            t = target.next();
        }
        if (!current.isEmpty() || chunks.isEmpty()) {
            chunks.add(current.build(chunks.size(), lower, null));
        }
        return chunks;
    }
}
