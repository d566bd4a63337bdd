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

    /** A kept copy of a file this small or smaller travels in the committable. */
    public static final int DEFAULT_COPY_FILE_LIMIT = 64 << 10;

    /** Kept copies per writer per checkpoint interval: they sit in the committer's state. */
    public static final long DEFAULT_COPY_TOTAL = 4L << 20;

    private final int fileThreshold;
    private final long total;
    private final int copyFileLimit;
    private final long copyTotal;
    private final boolean uploadCopies;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong copied = new AtomicLong();

    public StagingBuffers(int fileThreshold, long total) {
        this(fileThreshold, total, 0, 0, true);
    }

    /**
     * @param copyFileLimit files up to this size (compressed) keep a copy of their bytes for the
     *     committable (0: never)
     * @param copyTotal the kept copies' budget per interval, see {@link #startInterval()}
     * @param uploadCopies whether a file that keeps a copy is written to the staging file system
     *     too (false: the copy is its only form, see {@link #keepingCopies(boolean)})
     */
    public StagingBuffers(
            int fileThreshold,
            long total,
            int copyFileLimit,
            long copyTotal,
            boolean uploadCopies) {
        this.fileThreshold = fileThreshold;
        this.total = total;
        this.copyFileLimit = copyFileLimit;
        this.copyTotal = copyTotal;
        this.uploadCopies = uploadCopies;
    }

    public static StagingBuffers defaults() {
        return new StagingBuffers(DEFAULT_FILE_THRESHOLD, DEFAULT_TOTAL);
    }

    /**
     * For a PostgreSQL target: small files also keep a copy of their bytes, so its committer loads
     * them without reading them back from the staging file system (a HEAD and a GET per table per
     * checkpoint through S3A, the largest part of its commit time: see benchmarks/README.md).
     *
     * @param uploadCopies false when the committer deletes staged files after the commit anyway
     *     ({@code sink.retention.delete-staged-files}): a file with a kept copy is then never
     *     written to the staging file system at all. Its copy travels in the committable, which is
     *     in the checkpoint, so a restore loads it from there; the upload and the delete were two
     *     S3 round trips per table per interval for nothing.
     */
    public static StagingBuffers keepingCopies(boolean uploadCopies) {
        return new StagingBuffers(
                DEFAULT_FILE_THRESHOLD,
                DEFAULT_TOTAL,
                DEFAULT_COPY_FILE_LIMIT,
                DEFAULT_COPY_TOTAL,
                uploadCopies);
    }

    /** True (and counted) when a finished file of {@code bytes} may keep a copy. */
    boolean keepCopy(int bytes) {
        if (bytes > copyFileLimit) {
            return false;
        }
        if (copied.addAndGet(bytes) > copyTotal) {
            copied.addAndGet(-bytes);
            return false;
        }
        return true;
    }

    /** A new checkpoint interval: the previous one's copies went out with its committables. */
    public void startInterval() {
        copied.set(0);
    }

    boolean uploadCopies() {
        return uploadCopies;
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
