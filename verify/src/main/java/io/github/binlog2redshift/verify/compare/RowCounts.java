package io.github.binlog2redshift.verify.compare;

import java.util.function.LongConsumer;

/**
 * Per row hash, the source's count minus the target's: an open-addressing table of primitive longs
 * and ints, so a million distinct rows take about 24 MB rather than the 100 MB of a boxed map.
 */
final class RowCounts {

    private static final long EMPTY = 0L;

    private long[] keys;
    private int[] counts;

    /** Whether the hash 0 (the empty marker) has been counted, and its count. */
    private boolean hasZero;

    private int zeroCount;
    private int size;

    RowCounts(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        counts = new int[capacity];
    }

    /** Adds {@code delta} to {@code hash}'s count. */
    void add(long hash, int delta) {
        if (hash == EMPTY) {
            hasZero = true;
            zeroCount += delta;
            return;
        }
        int i = slot(hash, keys);
        if (keys[i] == EMPTY) {
            keys[i] = hash;
            size++;
            if (size * 2 > keys.length) {
                grow();
                i = slot(hash, keys);
            }
        }
        counts[i] += delta;
    }

    /** The count of {@code hash}, 0 when never added. */
    int get(long hash) {
        if (hash == EMPTY) {
            return hasZero ? zeroCount : 0;
        }
        int i = slot(hash, keys);
        return keys[i] == EMPTY ? 0 : counts[i];
    }

    /** Each hash whose count is not 0. */
    void forEachNonZero(LongConsumer action) {
        if (hasZero && zeroCount != 0) {
            action.accept(EMPTY);
        }
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && counts[i] != 0) {
                action.accept(keys[i]);
            }
        }
    }

    private static int slot(long hash, long[] table) {
        int mask = table.length - 1;
        int i = (int) (hash ^ (hash >>> 32)) & mask;
        while (table[i] != EMPTY && table[i] != hash) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i], keys);
                keys[j] = oldKeys[i];
                counts[j] = oldCounts[i];
            }
        }
    }

    @Override
    public String toString() {
        return "RowCounts[size=" + size + ", capacity=" + keys.length + "]";
    }
}
