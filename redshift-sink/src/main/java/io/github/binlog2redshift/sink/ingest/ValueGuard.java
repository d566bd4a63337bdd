package io.github.binlog2redshift.sink.ingest;

import io.github.binlog2redshift.config.sink.SchemaPolicy.Oversize;
import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.Op;
import io.github.binlog2redshift.sink.TargetTable;
import io.github.binlog2redshift.sink.deadletter.RejectReason;
import io.github.binlog2redshift.sink.dialect.SqlDialect;
import io.github.binlog2redshift.sink.format.RejectedRecordException;
import io.github.binlog2redshift.sink.route.TableModes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a change against what its warehouse columns hold, at ingest, where the original Kafka
 * record is still at hand for the dead-letter output (the staging writer, a sink writer, has no
 * side output). A change passes only if every value can be staged and loaded into its target column
 * as it is; otherwise it is dead-lettered naming table, column, key, source position and what is
 * wrong, and the job carries on. A value is never silently changed:
 *
 * <ul>
 *   <li>column metadata that describes no warehouse column: an empty, duplicate or unstorable (NUL,
 *       lone surrogate) name, a negative length or scale, a scale above the precision, lengths
 *       MySQL does not allow, a type the sink does not map, a key column that is not among the
 *       columns ({@code invalid_column}); two names that are one in the warehouse (on Redshift
 *       {@code Id} and {@code id}, see {@link SqlDialect#storedName}: {@code name_collision});
 *   <li>a key column whose value is NULL (or MySQL's zero date, staged as NULL), which the
 *       warehouse's key column refuses ({@code missing_key_value});
 *   <li>a value that is not of its column's type as the warehouse's load reads it, checked on the
 *       text without building anything ({@link ColumnRule}: integers, decimals, floats, BIT(1),
 *       dates and times, JSON, base64 binary; any text for a NUL character or a lone UTF-16
 *       surrogate): {@code invalid_value}; a well-formed value beyond the target type's range or
 *       precision: {@code out_of_range};
 *   <li>a value longer than its column (Redshift: VARCHAR n bytes, at most 65,535, VARBYTE n bytes,
 *       SUPER 16 MB; PostgreSQL: VARCHAR n characters): dead-lettered ({@code oversize_value}); or,
 *       with {@link Oversize#TRUNCATE}, cut to fit (on a character boundary; a JSON value, which a
 *       cut would make invalid, becomes NULL) and the column named in the row's {@code
 *       _b2r_truncated};
 *   <li>a row whose staged form is longer than one load reads (Redshift COPY: 4 MB per row, binary
 *       values counting twice as hex): dead-lettered ({@code oversize_row}), whatever {@link
 *       Oversize} says, after any cuts.
 * </ul>
 *
 * <p>The all-zero date {@code 0000-00-00} is MySQL's "no date" and is staged as NULL
 * (docs/apply.md). Schema changes get the metadata checks only.
 */
public final class ValueGuard implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SqlDialect dialect;
    private final Oversize oversize;
    private final DeleteImages deletes;
    private transient ColumnRules rules;

    /** Checks for tables in the modes of {@code modes} (which deletes need their whole image). */
    public ValueGuard(SqlDialect dialect, Oversize oversize, TableModes modes) {
        this(dialect, oversize, new DeleteImages(Objects.requireNonNull(modes, "modes")));
    }

    /** Checks for tables in the default mode (deletes applied, no side tables). */
    public ValueGuard(SqlDialect dialect, Oversize oversize) {
        this(dialect, oversize, DeleteImages.DEFAULTS);
    }

    private ValueGuard(SqlDialect dialect, Oversize oversize, DeleteImages deletes) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.oversize = Objects.requireNonNull(oversize, "oversize");
        this.deletes = deletes;
    }

    /**
     * The change to stage: {@code e} itself, or a copy with cut values when so configured. A delete
     * that the merge applies by key ({@link DeleteImages}) whose before image cannot be staged as
     * it is, is staged with its key alone: it is never dead-lettered for the rest of its image.
     */
    public ChangeEvent check(TargetTable target, ChangeEvent e) {
        if (deletes.byKey(e)) {
            try {
                return checkImage(target, e);
            } catch (RejectedRecordException unstageable) {
                // A problem of the key itself is found again, and dead-lettered, on the key alone.
                return checkImage(target, DeleteImages.keyAlone(e));
            }
        }
        return checkImage(target, e);
    }

    private ChangeEvent checkImage(TargetTable target, ChangeEvent e) {
        if (e.op() == Op.SCHEMA_CHANGE) {
            ColumnMetadataCheck.rules(dialect, rules(), target, e, e.columns(), true);
            return e;
        }
        if (e.keyImage() == null) {
            return e;
        }
        boolean typed = !e.columns().isEmpty();
        List<ColumnDef> columns = typed ? e.columns() : untyped(e);
        ColumnRule[] rules = ColumnMetadataCheck.rules(dialect, rules(), target, e, columns, typed);
        keyValues(target, e);
        Map<String, Object> image = e.keyImage();
        Map<String, Object> cut = null;
        List<String> truncated = null;
        for (int i = 0; i < rules.length; i++) {
            ColumnDef c = columns.get(i);
            Object v = image.get(c.name());
            if (v == null) {
                continue;
            }
            Object fitted = checkValue(target, e, c, rules[i], v);
            if (fitted != v) {
                cut = cut == null ? new LinkedHashMap<>(image) : cut;
                truncated = truncated == null ? new ArrayList<>() : truncated;
                cut.put(c.name(), fitted);
                truncated.add(c.name());
            }
        }
        ChangeEvent checked = e;
        if (cut != null) {
            ChangeEvent base = typed ? e : ValueCuts.withColumns(e, columns);
            checked = ValueCuts.withTruncated(base, cut, truncated);
        }
        fitsTheLoad(target, checked);
        return checked;
    }

    /** Inputs without column types are staged as LONGTEXT: the text checks still apply. */
    private static List<ColumnDef> untyped(ChangeEvent e) {
        List<ColumnDef> cols = new ArrayList<>(e.keyImage().size());
        for (String name : e.keyImage().keySet()) {
            cols.add(ColumnDef.of(name, "LONGTEXT", null, null, true));
        }
        return cols;
    }

    /**
     * Key columns are NOT NULL in the warehouse: a NULL there would fail the load. A key column
     * missing from the image is the keying's to report.
     */
    private static void keyValues(TargetTable target, ChangeEvent e) {
        Map<String, Object> image = e.keyImage();
        for (String k : e.primaryKey()) {
            if (image.get(k) == null && image.containsKey(k)) {
                throw GuardRejections.nullKey(target, e, k, "NULL");
            }
        }
    }

    /** {@code v} itself when it loads as it is, its cut form when so configured, else throws. */
    private Object checkValue(
            TargetTable target, ChangeEvent e, ColumnDef c, ColumnRule rule, Object v) {
        long bytes;
        long length;
        boolean binaryText = v instanceof String && rule.kind() == ColumnRule.Kind.BINARY;
        if (v instanceof String) {
            String s = (String) v;
            length = s.length();
            bytes = binaryText ? ValueText.base64Length(s) : ValueText.scan(s);
            String bad = binaryText ? null : ValueText.scanProblem(bytes);
            if (bad != null) {
                throw GuardRejections.value(RejectReason.INVALID_VALUE, target, e, c, bad);
            }
        } else {
            length = rule.kind() == ColumnRule.Kind.TEXT ? stagedText(v).length() : 0;
            bytes = length;
        }
        ValueProblem problem = binaryText && bytes >= 0 ? null : rule.check(v); // base64 read once
        if (problem != null) {
            throw GuardRejections.value(problem.reason(), target, e, c, problem.what());
        }
        if (rule.isTemporal()
                && ((String) v).startsWith("0000-00-00")
                && e.primaryKey().contains(c.name())) {
            throw GuardRejections.nullKey(target, e, c.name(), "MySQL's zero date, staged as NULL");
        }
        long chars =
                length > rule.maxChars() && v instanceof String
                        ? ((String) v).codePointCount(0, (int) length)
                        : length;
        boolean tooManyBytes = bytes > rule.maxBytes();
        boolean tooManyChars = chars > rule.maxChars();
        if (!tooManyBytes && !tooManyChars) {
            return v;
        }
        if (oversize == Oversize.DEAD_LETTER) {
            throw GuardRejections.oversizeValue(target, e, c, rule, bytes, chars);
        }
        String text = v instanceof String ? (String) v : stagedText(v);
        return tooManyBytes
                ? ValueCuts.cut(
                        text, rule.type(), (int) Math.min(rule.maxBytes(), Integer.MAX_VALUE))
                : ValueCuts.cutChars(text, (int) rule.maxChars());
    }

    /** A non-text value's staged text, as {@code StagedValueText} writes it in a text column. */
    private static String stagedText(Object v) {
        if (v instanceof Boolean) {
            return (Boolean) v ? "1" : "0";
        }
        return v.toString();
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
            throw GuardRejections.oversizeRow(target, e, size, max);
        }
    }

    private ColumnRules rules() {
        if (rules == null) {
            rules = new ColumnRules(dialect);
        }
        return rules;
    }

    /**
     * Equal when they check for the same warehouse with the same oversize handling and the same
     * table modes.
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ValueGuard)) {
            return false;
        }
        ValueGuard other = (ValueGuard) o;
        return dialect.getClass() == other.dialect.getClass()
                && oversize == other.oversize
                && deletes.equals(other.deletes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dialect.getClass(), oversize, deletes);
    }

    @Override
    public String toString() {
        return "ValueGuard[dialect="
                + dialect.getClass().getSimpleName()
                + ", oversize="
                + oversize
                + "]";
    }
}
