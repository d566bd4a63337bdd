package io.github.binlog2redshift.source.debezium;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import javax.annotation.Nullable;

/**
 * Which columns a binlog row image holds, for servers that log partial images ({@code
 * binlog_row_image=MINIMAL} or {@code NOBLOB}). The binlog client hands a row over as the values of
 * the included columns only, packed together; Debezium maps values to columns by position, so a
 * packed row would put values into the wrong columns. {@link #expand} spreads the values out to the
 * table's width (an absent column holds null) and appends an instance of this class as one extra
 * element, which Debezium ignores (it reads only the table's columns) and {@code
 * MySqlChangeRecordEmitter} turns into the record headers {@link #BEFORE_HEADER} and {@link
 * #AFTER_HEADER}. A full row stays exactly as the client gave it, with no marker.
 *
 * <p>MySQL: <a
 * href="https://dev.mysql.com/doc/refman/8.0/en/replication-options-binary-log.html#sysvar_binlog_row_image">binlog_row_image</a>;
 * MariaDB: <a
 * href="https://mariadb.com/kb/en/replication-and-binary-log-system-variables/#binlog_row_image">binlog_row_image</a>.
 */
public final class PresentColumns implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Record header: the indexes of the columns the before image holds, comma separated. */
    public static final String BEFORE_HEADER = "binlog2redshift.present.before";

    /** Record header: the indexes of the columns the after image holds, comma separated. */
    public static final String AFTER_HEADER = "binlog2redshift.present.after";

    private final BitSet present;

    private PresentColumns(BitSet present) {
        this.present = present;
    }

    /**
     * The row at the table's width: {@code packed} itself when every column is included, else the
     * values at their columns' places followed by the marker.
     */
    public static Serializable[] expand(Serializable[] packed, BitSet included, int width) {
        if (included.nextClearBit(0) >= width) {
            return packed;
        }
        Serializable[] row = new Serializable[width + 1];
        int next = 0;
        for (int i = included.nextSetBit(0); i >= 0 && i < width; i = included.nextSetBit(i + 1)) {
            row[i] = packed[next++];
        }
        row[width] = new PresentColumns((BitSet) included.clone());
        return row;
    }

    /**
     * An UPDATE's after image with every column it lacks but the before image holds taken from the
     * before image: a column the after image lacks was not changed by the statement (MINIMAL logs
     * the changed columns; NOBLOB omits unchanged BLOB/TEXT columns), so its value is the one
     * before. Under MINIMAL the before image holds the key (every column of a table without one),
     * which keeps Debezium from reading an unchanged key as a changed one.
     */
    public static Serializable[] completeAfter(Serializable[] before, Serializable[] after) {
        PresentColumns inAfter = of(after);
        if (inAfter == null) {
            return after;
        }
        PresentColumns inBefore = of(before);
        int width = after.length - 1;
        Serializable[] row = after.clone();
        BitSet present = (BitSet) inAfter.present.clone();
        for (int i = present.nextClearBit(0); i < width; i = present.nextClearBit(i + 1)) {
            if (inBefore == null || inBefore.present.get(i)) {
                row[i] = before[i];
                present.set(i);
            }
        }
        if (present.nextClearBit(0) >= width) {
            Serializable[] full = new Serializable[width];
            System.arraycopy(row, 0, full, 0, width);
            return full;
        }
        row[width] = new PresentColumns(present);
        return row;
    }

    /** The marker of an expanded row; null for a full row (or none). */
    @Nullable
    public static PresentColumns of(@Nullable Object[] row) {
        if (row == null || row.length == 0 || !(row[row.length - 1] instanceof PresentColumns)) {
            return null;
        }
        return (PresentColumns) row[row.length - 1];
    }

    /** The header value: the present column indexes, comma separated. */
    public String headerValue() {
        StringBuilder s = new StringBuilder();
        for (int i = present.nextSetBit(0); i >= 0; i = present.nextSetBit(i + 1)) {
            s.append(s.length() == 0 ? "" : ",").append(i);
        }
        return s.toString();
    }

    /**
     * The names of the present columns, from a header value and the table's columns in source
     * order; null when there is no header (the image is full).
     */
    @Nullable
    static List<String> names(@Nullable String headerValue, List<String> columns) {
        if (headerValue == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String index : headerValue.isEmpty() ? new String[0] : headerValue.split(",")) {
            names.add(columns.get(Integer.parseInt(index)));
        }
        return names;
    }

    /** {@code row} without the columns that are not in {@code present} (all kept when null). */
    @Nullable
    static Map<String, Object> keep(
            @Nullable Map<String, Object> row, @Nullable List<String> present) {
        if (row != null && present != null) {
            row.keySet().retainAll(present);
        }
        return row;
    }
}
