package io.github.binlog2redshift.event;

import java.util.Comparator;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * Where a change sits in the source's history. Changes of one key are ordered by this, never by
 * arrival or by millisecond timestamps (which tie).
 *
 * <p>For MySQL binlog changes it is (binlog file sequence, position of the event, row index within
 * the event). {@code fileSequence} is the numeric suffix of the binlog file name ({@code
 * mysql-bin.000042} is 42), so files order correctly past 999999. {@code gtid} is informative.
 * Snapshot rows from cdc-source carry the high watermark of the chunk that read them (the binlog
 * position at which they are true), so they sort after every change already in them and before
 * every change streamed after them; rows written before that (and snapshot rows of other producers)
 * carry (0, 0, 0) with an empty file name and sort before every binlog change; see
 * docs/event-format.md.
 *
 * <p>{@code epoch} orders above all of that: a binlog history that starts over (failover to a
 * server with its own binlog, {@code RESET MASTER}) makes coordinates go backwards, so the operator
 * raises cdc-source's {@code source.position-epoch} and every position of the new history sorts
 * after every position of the old one (docs/cdc-source.md). Epoch 0 is the default and what every
 * event written before epochs existed reads as.
 *
 * <p>For inputs without binlog coordinates (DMS, Canal), {@code fileSequence} is 0 and {@code
 * position} carries the best monotone number the format offers (e.g. a commit timestamp in
 * microseconds); ties are then broken by arrival order by the consumer, which is the documented
 * last resort.
 */
public final class SourcePosition implements Comparable<SourcePosition> {

    private static final Comparator<SourcePosition> ORDER =
            Comparator.comparingInt(SourcePosition::epoch)
                    .thenComparingLong(SourcePosition::fileSequence)
                    .thenComparingLong(SourcePosition::position)
                    .thenComparingInt(SourcePosition::row);

    /** The greatest epoch: three digits in {@link #sortKey()}. */
    public static final int MAX_EPOCH = 999;

    /** File sequences an epoch above 0 leaves room for in {@link #sortKey()}: eight digits. */
    static final long MAX_EPOCH_FILE_SEQUENCE = 99_999_999L;

    private final int epoch;
    private final long serverId;
    @Nullable private final String file;
    private final long fileSequence;
    private final long position;
    private final int row;
    @Nullable private final String gtid;
    private final boolean snapshot;
    private final long timestampMs;

    public SourcePosition(
            long serverId,
            @Nullable String file,
            long fileSequence,
            long position,
            int row,
            @Nullable String gtid,
            boolean snapshot,
            long timestampMs) {
        this(0, serverId, file, fileSequence, position, row, gtid, snapshot, timestampMs);
    }

    /** A position of the binlog history {@code epoch} (0 unless the history started over). */
    public SourcePosition(
            int epoch,
            long serverId,
            @Nullable String file,
            long fileSequence,
            long position,
            int row,
            @Nullable String gtid,
            boolean snapshot,
            long timestampMs) {
        if (epoch < 0 || epoch > MAX_EPOCH) {
            throw new IllegalArgumentException(
                    "source position epoch " + epoch + " is not within 0.." + MAX_EPOCH);
        }
        if (epoch > 0 && fileSequence > MAX_EPOCH_FILE_SEQUENCE) {
            throw new IllegalArgumentException(
                    "binlog file sequence "
                            + fileSequence
                            + " has more than 8 digits, which a position of epoch "
                            + epoch
                            + " cannot carry");
        }
        if (fileSequence < 0 || position < 0 || row < 0) {
            throw new IllegalArgumentException(
                    "source position parts must not be negative: file sequence "
                            + fileSequence
                            + ", position "
                            + position
                            + ", row "
                            + row);
        }
        this.epoch = epoch;
        this.serverId = serverId;
        this.file = file;
        this.fileSequence = fileSequence;
        this.position = position;
        this.row = row;
        this.gtid = gtid;
        this.snapshot = snapshot;
        this.timestampMs = timestampMs;
    }

    /** The binlog history this position belongs to; a greater epoch orders after. */
    public int epoch() {
        return epoch;
    }

    /** This position in binlog history {@code newEpoch}. */
    public SourcePosition withEpoch(int newEpoch) {
        return newEpoch == epoch
                ? this
                : new SourcePosition(
                        newEpoch,
                        serverId,
                        file,
                        fileSequence,
                        position,
                        row,
                        gtid,
                        snapshot,
                        timestampMs);
    }

    public long serverId() {
        return serverId;
    }

    @Nullable
    public String file() {
        return file;
    }

    public long fileSequence() {
        return fileSequence;
    }

    public long position() {
        return position;
    }

    public int row() {
        return row;
    }

    @Nullable
    public String gtid() {
        return gtid;
    }

    public boolean snapshot() {
        return snapshot;
    }

    public long timestampMs() {
        return timestampMs;
    }

    /** A binlog position; the file sequence is taken from the file name's numeric suffix. */
    public static SourcePosition binlog(
            long serverId,
            String file,
            long position,
            int row,
            @Nullable String gtid,
            boolean snapshot,
            long tsMs) {
        Objects.requireNonNull(file, "binlog file");
        return new SourcePosition(
                serverId, file, fileSequenceOf(file), position, row, gtid, snapshot, tsMs);
    }

    /** The numeric suffix of a binlog file name, e.g. 42 for {@code mysql-bin.000042}. */
    public static long fileSequenceOf(String file) {
        int dot = file.lastIndexOf('.');
        String suffix = dot >= 0 ? file.substring(dot + 1) : file;
        try {
            return Long.parseLong(suffix);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "binlog file name '" + file + "' has no numeric suffix after its last '.'", e);
        }
    }

    @Override
    public int compareTo(SourcePosition other) {
        return ORDER.compare(this, other);
    }

    /** True when this change happened strictly after {@code other}. */
    public boolean isAfter(SourcePosition other) {
        return compareTo(other) > 0;
    }

    /**
     * A fixed-width text that sorts like the position: 12 digits of file sequence, 20 of position
     * and 6 of row, joined by ':'. Stored in warehouse tables so SQL can compare positions with
     * plain string comparison on both Redshift and PostgreSQL. An epoch above 0 takes the file
     * sequence's first four characters: {@code E}, then three digits of epoch, then eight of file
     * sequence; {@code E} sorts after every digit (in byte order and in the usual collations), so
     * such a key sorts after every key of epoch 0, which are unchanged, and the width stays 40.
     */
    public String sortKey() {
        // Called for every staged row: plain padding, not String.format (a Formatter per call).
        StringBuilder b = new StringBuilder(40);
        if (epoch > 0) {
            pad(b.append('E'), epoch, 3);
            pad(b, fileSequence, 8).append(':');
        } else {
            pad(b, fileSequence, 12).append(':');
        }
        pad(b, position, 20).append(':');
        return pad(b, row, 6).toString();
    }

    private static StringBuilder pad(StringBuilder b, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SourcePosition)) {
            return false;
        }
        SourcePosition other = (SourcePosition) o;
        return epoch == other.epoch
                && serverId == other.serverId
                && Objects.equals(file, other.file)
                && fileSequence == other.fileSequence
                && position == other.position
                && row == other.row
                && Objects.equals(gtid, other.gtid)
                && snapshot == other.snapshot
                && timestampMs == other.timestampMs;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                epoch, serverId, file, fileSequence, position, row, gtid, snapshot, timestampMs);
    }

    @Override
    public String toString() {
        return "SourcePosition[epoch="
                + epoch
                + ", serverId="
                + serverId
                + ", file="
                + file
                + ", fileSequence="
                + fileSequence
                + ", position="
                + position
                + ", row="
                + row
                + ", gtid="
                + gtid
                + ", snapshot="
                + snapshot
                + ", timestampMs="
                + timestampMs
                + "]";
    }
}
