package io.github.binlog2redshift.sink;

/**
 * How the staged files of a {@link TableCommittable} write their values, so that a committable
 * restored from a savepoint of an older build loads its files as that build wrote them.
 */
public enum StagingFormat {

    /**
     * Binary values as bare hex for Redshift (PostgreSQL: {@code \x} and hex). Written by builds
     * before {@link #MARKED_BINARY}; a committable of serializer version 5 or earlier is read as
     * this. Redshift's COPY loads such a file's empty binary value as NULL, as it always did.
     */
    PLAIN_BINARY,

    /**
     * Binary values for Redshift carry one marker byte before their bytes ({@code
     * SqlDialect.binaryMarker()}), which the merge removes after the load, so an empty value is
     * never an empty CSV field (which COPY loads as NULL into VARBYTE). PostgreSQL files are as in
     * {@link #PLAIN_BINARY}.
     */
    MARKED_BINARY;

    /** The format this build writes. */
    public static StagingFormat current() {
        return MARKED_BINARY;
    }
}
