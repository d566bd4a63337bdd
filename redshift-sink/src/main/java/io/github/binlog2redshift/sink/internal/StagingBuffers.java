package io.github.binlog2redshift.sink.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The heap one writer subtask may use for staged bytes not yet uploaded: per file up to {@code
 * fileThreshold} (compressed), in total up to {@code total}; past either, files stream to the
 * staging file system as before. Bounds the heap whatever the number of tables.
 */
public final class StagingBuffers {

    /** 256 KiB of gzip is about 20k typical rows: past that the create's fixed cost is noise. */
    public static final int DEFAULT_FILE_THRESHOLD = 256 << 10;

    public static final long DEFAULT_TOTAL = 64L << 20;

    private final int fileThreshold;
    private final long total;
    private final AtomicLong used = new AtomicLong();

    public StagingBuffers(int fileThreshold, long total) {
        this.fileThreshold = fileThreshold;
        this.total = total;
    }

    public static StagingBuffers defaults() {
        return new StagingBuffers(DEFAULT_FILE_THRESHOLD, DEFAULT_TOTAL);
    }

    int fileThreshold() {
        return fileThreshold;
    }

    void reserve(long bytes) {
        used.addAndGet(bytes);
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }

    boolean exhausted() {
        return used.get() > total;
    }

    /** Bytes held now (tests). */
    public long used() {
        return used.get();
    }
}
