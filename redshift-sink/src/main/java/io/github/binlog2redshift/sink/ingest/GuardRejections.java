package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import java.util.Map;

/**
 * The dead letters {@link ValueGuard} raises: each names the table, the column where there is one,
 * the change's key and source position, and what is wrong, so the detail alone says which row to
 * fix at the source.
 */
final class GuardRejections {

    private GuardRejections() {}

    static RejectedRecordException nullKey(
            TargetTable target, ChangeEvent e, String column, String what) {
        return new RejectedRecordException(
                RejectReason.MISSING_KEY_VALUE,
                where(target, e)
                        + ": key column '"
                        + column
                        + "' is "
                        + what
                        + ", which the warehouse's key column cannot hold");
    }

    static RejectedRecordException keyNotAColumn(TargetTable target, ChangeEvent e, String k) {
        return new RejectedRecordException(
                RejectReason.INVALID_COLUMN,
                where(target, e)
                        + ": key column '"
                        + k
                        + "' is not among the change's columns, so the table cannot"
                        + " have it as its key");
    }

    static RejectedRecordException oversizeRow(
            TargetTable target, ChangeEvent e, long size, long max) {
        return new RejectedRecordException(
                RejectReason.OVERSIZE_ROW,
                "table "
                        + target
                        + ", key ["
                        + keyText(e)
                        + "] at "
                        + e.source().sortKey()
                        + ": the row is "
                        + size
                        + " bytes as staged (CSV, binary values as hex), more than the "
                        + max
                        + " one row may have in the warehouse's load (Redshift COPY: \"The"
                        + " maximum size of a single input row from any source is 4 MB\","
                        + " https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-source.html)");
    }

    static RejectedRecordException collision(
            TargetTable target, ChangeEvent e, String other, String name, String stored) {
        return new RejectedRecordException(
                RejectReason.NAME_COLLISION,
                "table "
                        + target
                        + " at "
                        + e.source().sortKey()
                        + ": columns '"
                        + other
                        + "' and '"
                        + name
                        + "' would both be column '"
                        + stored
                        + "' in the warehouse (its names are folded to lower case and cut"
                        + " to 127 bytes), which cannot hold both: rename one at the source");
    }

    static RejectedRecordException column(
            TargetTable target, ChangeEvent e, ColumnDef c, String what) {
        return new RejectedRecordException(
                RejectReason.INVALID_COLUMN,
                columnWhere(target, e, c) + ": the column " + what + " (" + c.type() + ")");
    }

    static RejectedRecordException value(
            RejectReason r, TargetTable target, ChangeEvent e, ColumnDef c, String what) {
        return new RejectedRecordException(r, columnWhere(target, e, c) + ": the value " + what);
    }

    private static String columnWhere(TargetTable target, ChangeEvent e, ColumnDef c) {
        return "table "
                + target
                + ", column '"
                + c.name()
                + "'"
                + (e.keyImage() == null ? "" : ", key [" + keyText(e) + "]")
                + " at "
                + e.source().sortKey();
    }

    private static String where(TargetTable target, ChangeEvent e) {
        return "table "
                + target
                + (e.keyImage() == null ? "" : ", key [" + keyText(e) + "]")
                + " at "
                + e.source().sortKey();
    }

    private static String keyText(ChangeEvent e) {
        Map<String, Object> image = e.keyImage();
        StringBuilder key = new StringBuilder();
        for (String k : e.primaryKey()) {
            key.append(key.length() == 0 ? "" : ", ").append(k).append('=').append(image.get(k));
        }
        return key.toString();
    }

    static RejectedRecordException oversizeValue(
            TargetTable target,
            ChangeEvent e,
            ColumnDef c,
            ColumnRule rule,
            long bytes,
            long chars) {
        boolean tooManyBytes = bytes > rule.maxBytes();
        return value(
                RejectReason.OVERSIZE_VALUE,
                target,
                e,
                c,
                "has "
                        + (tooManyBytes ? bytes + " bytes" : chars + " characters")
                        + ", more than the "
                        + (tooManyBytes ? rule.maxBytes() : rule.maxChars())
                        + " its column holds ("
                        + rule.targetType()
                        + "); sink.oversize-values=TRUNCATE would cut it");
    }
}
