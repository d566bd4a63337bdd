package io.github.binlog2redshift.verify.compare;

import java.util.List;

/**
 * A range of primary keys, {@code (lower, upper]}, and each side's digest of the rows in it: row
 * count and the sum (mod 2^64) of the row hashes. A sum does not depend on row order, so two sides
 * that sort equal keys slightly differently still agree. {@code lower} is {@code null} for the
 * first chunk, {@code upper} for the last (open-ended, so it also takes target rows above the last
 * source key).
 */
public record Chunk(
        int index,
        List<String> lower,
        List<String> upper,
        long sourceRows,
        long sourceSum,
        long targetRows,
        long targetSum) {

    public boolean matches() {
        return sourceRows == targetRows && sourceSum == targetSum;
    }

    /** Accumulates one chunk while the scan walks both sides. */
    static final class Builder {
        long sourceRows;
        long sourceSum;
        long targetRows;
        long targetSum;

        void addSource(long hash) {
            sourceRows++;
            sourceSum += hash;
        }

        void addTarget(long hash) {
            targetRows++;
            targetSum += hash;
        }

        boolean isEmpty() {
            return sourceRows == 0 && targetRows == 0;
        }

        Chunk build(int index, List<String> lower, List<String> upper) {
            return new Chunk(index, lower, upper, sourceRows, sourceSum, targetRows, targetSum);
        }
    }
}
