package io.github.binlog2redshift.sink.format;

/**
 * Which known fields of one JSON object {@link PayloadReader} has read, a bit each: the tree path
 * keeps the last of a repeated field, which the one-pass reader does not follow, so a field seen
 * twice hands the record back.
 */
final class SeenFields {

    private int seen;

    /** True the first time {@code bit} is marked, false ever after. */
    boolean first(int bit) {
        boolean first = (seen & bit) == 0;
        seen |= bit;
        return first;
    }
}
