package io.github.binlog2redshift.sink.dialect;

/**
 * What a warehouse name names, and how many bytes of the warehouse's identifier limit the sink
 * keeps free after it for the names it derives: a table's side tables append up to {@code
 * _b2r_deleted} (12 bytes), a column changed by copy gets a temporary twin {@code
 * <column>__b2r_new} (9 bytes). See {@link SqlDialect#storedName}.
 */
public enum NameKind {
    SCHEMA(0),
    TABLE(ReservedNames.TOMBSTONE_SUFFIX.length()),
    COLUMN(ReservedNames.RETYPE_SUFFIX.length());

    private final int reservedBytes;

    NameKind(int reservedBytes) {
        this.reservedBytes = reservedBytes;
    }

    /** Bytes kept free for a suffix the sink appends to a name of this kind. */
    public int reservedBytes() {
        return reservedBytes;
    }
}
