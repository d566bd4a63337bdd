package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.SchemaPolicy.Oversize;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.NameKind;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.dialect.internal.MySqlType;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a change's values against what its warehouse column can hold, at ingest, where the
 * original Kafka record is still at hand for the dead-letter output (the staging writer, a sink
 * writer, has no side output). A value is never silently cut or nulled:
 *
 * <ul>
 *   <li>longer than the column (Redshift VARCHAR 65,535 bytes, VARBYTE / SUPER 16 MB): the change
 *       is dead-lettered ({@code oversize_value}) naming table, column, key and size; or, with
 *       {@link Oversize#TRUNCATE}, cut to fit (on a UTF-8 character boundary; a JSON value, which a
 *       cut would make invalid, becomes NULL) and the column named in the row's {@code
 *       _b2r_truncated};
 *   <li>a row whose staged form is longer than one load reads (Redshift COPY: 4 MB per row,
 *       binary values counting twice as hex): dead-lettered ({@code oversize_row}), whatever
 *       {@link Oversize} says, after any cuts;
 *   <li>text with a NUL character, which neither warehouse stores: dead-lettered ({@code
 *       invalid_value});
 *   <li>two columns whose names are one name in the warehouse (on Redshift {@code Id} and {@code
 *       id}, see {@link SqlDialect#storedName}): dead-lettered ({@code name_collision});
 *   <li>a date with a zero month or day or year 0 (MySQL allows them without NO_ZERO_IN_DATE),
 *       which neither warehouse can represent: dead-lettered ({@code invalid_value}). The all-zero
 *       date {@code 0000-00-00} is MySQL's "no date" and is staged as NULL (docs/apply.md).
 * </ul>
 */
public final class ValueGuard implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SqlDialect dialect;
    private final Oversize oversize;

    public ValueGuard(SqlDialect dialect, Oversize oversize) {
        this.dialect = dialect;
        this.oversize = oversize;
    }

    /** The change to stage: {@code e} itself, or a copy with cut values when so configured. */
    public ChangeEvent check(TargetTable target, ChangeEvent e) {
        if (e.op() == Op.SCHEMA_CHANGE || e.columns().isEmpty()) {
            return untyped(target, e);
        }
        distinctNames(target, e);
        Map<String, Object> image = e.keyImage();
        Map<String, Object> cut = null;
        List<String> truncated = new ArrayList<>();
        for (ColumnDef c : e.columns()) {
            Object v = image.get(c.name());
            if (!(v instanceof String)) {
                continue;
            }
            String s = (String) v;
            MySqlType t = MySqlType.of(c);
            if (!t.isBinary()) {
                validText(target, e, c, s, t);
            }
            long max = dialect.maxValueBytes(c);
            long size = t.isBinary() ? decodedLength(s) : utf8Length(s, max);
            if (size <= max) {
                continue;
            }
            if (oversize == Oversize.DEAD_LETTER) {
                throw reject(
                        RejectReason.OVERSIZE_VALUE,
                        target,
                        e,
                        c,
                        "has "
                                + size
                                + " bytes, more than the "
                                + max
                                + " its column holds ("
                                + dialect.columnType(c)
                                + "); sink.oversize-values=TRUNCATE would cut it");
            }
            cut = cut == null ? new LinkedHashMap<>(image) : cut;
            cut.put(c.name(), ValueCuts.cut(s, t, (int) Math.min(max, Integer.MAX_VALUE)));
            truncated.add(c.name());
        }
        ChangeEvent checked = cut == null ? e : ValueCuts.withTruncated(e, cut, truncated);
        fitsTheLoad(target, checked);
        return checked;
    }

    /**
     * The whole staged row must fit what one load reads ({@link SqlDialect#maxRowBytes}: Redshift's
     * COPY reads at most 4 MB per row, and a longer one would fail the COPY, and so the table's
     * commit, on every attempt). Many wide values add up; binary values count twice (hex).
     */
    private void fitsTheLoad(TargetTable target, ChangeEvent e) {
        long max = dialect.maxRowBytes();
        if (max == Long.MAX_VALUE) {
            return;
        }
        long size = StagedRowSize.of(e, dialect.binaryPrefix(), max);
        if (size > max) {
            throw new RejectedRecordException(
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
    }

    /** Inputs without column types are staged as LONGTEXT: the text checks still apply. */
    private ChangeEvent untyped(TargetTable target, ChangeEvent e) {
        if (e.op() == Op.SCHEMA_CHANGE || e.keyImage() == null) {
            return e;
        }
        List<ColumnDef> cols = new ArrayList<>();
        e.keyImage().keySet().forEach(n -> cols.add(ColumnDef.of(n, "LONGTEXT", null, null, true)));
        ChangeEvent typed = ValueCuts.withColumns(e, cols);
        ChangeEvent checked = check(target, typed);
        return checked == typed ? e : checked;
    }

    /**
     * Every column keeps a name of its own in the warehouse ({@link SqlDialect#storedName}): on
     * Redshift {@code Id} and {@code id} are one column.
     */
    private void distinctNames(TargetTable target, ChangeEvent e) {
        Map<String, String> seen = new HashMap<>();
        for (ColumnDef c : e.columns()) {
            String stored = dialect.storedName(c.name(), NameKind.COLUMN);
            String other = seen.putIfAbsent(stored, c.name());
            if (other != null && !other.equals(c.name())) {
                throw new RejectedRecordException(
                        RejectReason.NAME_COLLISION,
                        "table "
                                + target
                                + " at "
                                + e.source().sortKey()
                                + ": columns '"
                                + other
                                + "' and '"
                                + c.name()
                                + "' would both be column '"
                                + stored
                                + "' in the warehouse (its names are folded to lower case and cut"
                                + " to 127 bytes), which cannot hold both: rename one at the source");
            }
        }
    }

    private static void validText(
            TargetTable target, ChangeEvent e, ColumnDef c, String s, MySqlType t) {
        if (s.indexOf('\u0000') >= 0) {
            throw reject(
                    RejectReason.INVALID_VALUE,
                    target,
                    e,
                    c,
                    "contains a NUL character, which the warehouse cannot store");
        }
        if ((t.base().equals("DATE") || t.base().equals("DATETIME") || t.base().equals("TIMESTAMP"))
                && s.length() >= 10
                && !s.startsWith("0000-00-00")) {
            boolean zeroYear = s.startsWith("0000");
            boolean zeroPart = s.startsWith("00", 5) || s.startsWith("00", 8);
            if (zeroYear || zeroPart) {
                throw reject(
                        RejectReason.INVALID_VALUE,
                        target,
                        e,
                        c,
                        "is '"
                                + s
                                + "', a date with a zero year, month or day, which the warehouse cannot represent");
            }
        }
    }

    private static RejectedRecordException reject(
            RejectReason r, TargetTable target, ChangeEvent e, ColumnDef c, String what) {
        return new RejectedRecordException(
                r,
                "table "
                        + target
                        + ", column '"
                        + c.name()
                        + "', key ["
                        + keyText(e)
                        + "] at "
                        + e.source().sortKey()
                        + ": the value "
                        + what);
    }

    private static String keyText(ChangeEvent e) {
        Map<String, Object> image = e.keyImage();
        StringBuilder key = new StringBuilder();
        for (String k : e.primaryKey()) {
            key.append(key.length() == 0 ? "" : ", ").append(k).append('=').append(image.get(k));
        }
        return key.toString();
    }

    /** UTF-8 length, counted only as far as needed to know it exceeds {@code max}. */
    static long utf8Length(String s, long max) {
        if ((long) s.length() * 3 <= max) {
            return s.length(); // at most 3 bytes per UTF-16 unit: certainly fits
        }
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    static long decodedLength(String base64) {
        int pad = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return (long) base64.length() / 4 * 3 - pad;
    }
}
