package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.SnapshotChunk;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.flink.cdc.connectors.mysql.source.split.MySqlSnapshotSplit;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * The {@link SnapshotChunk} a Flink CDC snapshot split covers, when the warehouse can compare its
 * bounds as MySQL does: a split of the whole table, or one on an integer column (TINYINT to BIGINT,
 * DECIMAL without scale: BIGINT UNSIGNED). Strings (collations), temporal types (Flink CDC's
 * boundary values are not the column's text) and fractional numbers are not carried.
 */
final class ChunkRanges {

    private ChunkRanges() {}

    static Optional<SnapshotChunk> of(MySqlSnapshotSplit split) {
        Object[] start = split.getSplitStart();
        Object[] end = split.getSplitEnd();
        if (start == null && end == null) {
            return Optional.of(SnapshotChunk.wholeTable());
        }
        RowType keyType = split.getSplitKeyType();
        if (keyType == null || keyType.getFieldCount() != 1 || !integer(keyType.getTypeAt(0))) {
            return Optional.empty();
        }
        BigInteger from = start == null ? null : bound(start);
        BigInteger to = end == null ? null : bound(end);
        if ((start != null && from == null) || (end != null && to == null)) {
            return Optional.empty();
        }
        return Optional.of(SnapshotChunk.range(keyType.getFieldNames().get(0), from, to));
    }

    /** The split key's type name, for the log line of a split without a range. */
    static String keyTypeOf(MySqlSnapshotSplit split) {
        RowType keyType = split.getSplitKeyType();
        return keyType == null ? "unknown" : keyType.toString();
    }

    private static boolean integer(LogicalType type) {
        switch (type.getTypeRoot()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return true;
            case DECIMAL:
                return ((DecimalType) type).getScale() == 0;
            default:
                return false;
        }
    }

    /** The one value of a split boundary as an integer; null when it is none. */
    private static BigInteger bound(Object[] values) {
        if (values.length != 1) {
            return null;
        }
        Object v = values[0];
        if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
            return BigInteger.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger) {
            return (BigInteger) v;
        }
        if (v instanceof BigDecimal) {
            try {
                return ((BigDecimal) v).toBigIntegerExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }
        return null;
    }
}
