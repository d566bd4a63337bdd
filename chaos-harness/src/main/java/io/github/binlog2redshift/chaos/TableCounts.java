package io.github.binlog2redshift.chaos;

/**
 * How one table's target differs from its source after a run.
 *
 * @param sourceRows rows (or, for a side table, changes) at the source: a table the load never
 *     reached proves nothing
 * @param lost rows of the source missing in the target (for a multiset: each missing copy)
 * @param duplicated rows in the target that the source does not have (a keyed table: a row not
 *     deleted; a multiset: each extra copy)
 * @param differing keyed rows present on both sides with other values
 * @param error why the table could not be compared, or null
 */
record TableCounts(
        String table, long sourceRows, long lost, long duplicated, long differing, String error) {

    boolean exact() {
        return error == null && lost == 0 && duplicated == 0 && differing == 0;
    }

    static TableCounts failed(String table, String error) {
        return new TableCounts(table, 0, 0, 0, 0, error);
    }

    @Override
    public String toString() {
        return String.format(
                "%-18s %6d rows: lost %d, duplicated %d, differing %d%s",
                table,
                sourceRows,
                lost,
                duplicated,
                differing,
                error == null ? "" : "  ERROR " + error);
    }
}
