package io.github.binlog2redshift.sink.dialect;

import java.util.Objects;

/**
 * A stage column whose staged values carry the binary marker ({@link BinaryMarker}): its type in
 * the table (a VARBYTE, or text in a user-managed table) and the most bytes a value of its source
 * column has, without the marker.
 */
public final class MarkedColumn {

    private final ColumnType type;
    private final long sourceBytes;

    private MarkedColumn(ColumnType type, long sourceBytes) {
        this.type = Objects.requireNonNull(type, "type");
        this.sourceBytes = sourceBytes;
    }

    /**
     * @param type the column's type in the table, which the stage has
     * @param sourceBytes the most bytes of a value of the source column (its VARBYTE size)
     */
    public static MarkedColumn of(ColumnType type, long sourceBytes) {
        if (sourceBytes < 0) {
            throw new IllegalArgumentException("sourceBytes must be >= 0, was " + sourceBytes);
        }
        return new MarkedColumn(type, sourceBytes);
    }

    /** The column's type in the table. */
    public ColumnType type() {
        return type;
    }

    /** The most bytes of a value of the source column, without the marker. */
    public long sourceBytes() {
        return sourceBytes;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MarkedColumn)) {
            return false;
        }
        MarkedColumn other = (MarkedColumn) o;
        return type.equals(other.type) && sourceBytes == other.sourceBytes;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, sourceBytes);
    }

    @Override
    public String toString() {
        return "MarkedColumn[type=" + type + ", sourceBytes=" + sourceBytes + "]";
    }
}
