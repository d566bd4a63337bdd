package io.github.binlog2redshift.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.annotation.Nullable;

/**
 * One change of one row (or one DDL statement) of a source table: the value that travels from
 * cdc-source through Kafka to redshift-sink. Immutable; build it with the named factories.
 *
 * <p>Row images map column names, in source column order, to values in the lossless text forms
 * documented in {@code docs/event-format.md}: integers (any size) as {@link Long} or {@link
 * java.math.BigInteger}, FLOAT/DOUBLE as {@link Double} (or {@link java.math.BigDecimal} when
 * parsed from JSON, which keeps the exact text), booleans as {@link Boolean}, and everything else
 * (DECIMAL, temporal types, base64 binary, JSON, ENUM/SET) as {@link String}; SQL NULL is {@code
 * null}.
 *
 * <p>A {@link #partialImage() partial} event comes from a server that logs partial row images
 * ({@code binlog_row_image=MINIMAL} or {@code NOBLOB}): its images hold only the columns the binlog
 * carried, so a column missing from a map was not received (never read it as NULL). Events of full
 * images hold every column.
 */
public final class ChangeEvent {

    private final TableId table;
    private final Op op;
    @Nullable private final Map<String, Object> before;
    @Nullable private final Map<String, Object> after;
    private final SourcePosition source;
    private final long tsMs;
    private final List<String> primaryKey;
    private final List<ColumnDef> columns;
    @Nullable private final String ddl;
    private final boolean partialImage;

    public ChangeEvent(
            TableId table,
            Op op,
            @Nullable Map<String, Object> before,
            @Nullable Map<String, Object> after,
            SourcePosition source,
            long tsMs,
            List<String> primaryKey,
            List<ColumnDef> columns,
            @Nullable String ddl) {
        this(table, op, before, after, source, tsMs, primaryKey, columns, ddl, false);
    }

    /**
     * @param partialImage the images hold only the columns the binlog carried (see the class
     *     comment); false for full images
     */
    public ChangeEvent(
            TableId table,
            Op op,
            @Nullable Map<String, Object> before,
            @Nullable Map<String, Object> after,
            SourcePosition source,
            long tsMs,
            List<String> primaryKey,
            List<ColumnDef> columns,
            @Nullable String ddl,
            boolean partialImage) {
        this.table = Objects.requireNonNull(table, "table");
        this.op = Objects.requireNonNull(op, "op");
        this.source = Objects.requireNonNull(source, "source");
        this.before = freeze(before);
        this.after = freeze(after);
        this.primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        this.columns = columns == null ? List.of() : List.copyOf(columns);
        this.tsMs = tsMs;
        this.ddl = ddl;
        this.partialImage = partialImage;
        switch (op) {
            case READ:
            case CREATE:
                require(after != null && before == null, op, "an after image only");
                break;
            case UPDATE:
                require(after != null, op, "an after image");
                break;
            case DELETE:
                require(before != null && after == null, op, "a before image only");
                break;
            case SCHEMA_CHANGE:
                require(ddl != null && before == null && after == null, op, "DDL text only");
                break;
            default:
                throw new IllegalArgumentException("unknown op " + op);
        }
    }

    public TableId table() {
        return table;
    }

    public Op op() {
        return op;
    }

    /** The row before the change; null for inserts and snapshot reads. */
    @Nullable
    public Map<String, Object> before() {
        return before;
    }

    /** The row after the change; null for deletes. */
    @Nullable
    public Map<String, Object> after() {
        return after;
    }

    public SourcePosition source() {
        return source;
    }

    /** When the connector processed the change (not an ordering key). */
    public long tsMs() {
        return tsMs;
    }

    /** The columns identifying a row (empty when the table has none). */
    public List<String> primaryKey() {
        return primaryKey;
    }

    /** The table's columns in source order after this change; empty when unknown. */
    public List<ColumnDef> columns() {
        return columns;
    }

    /** The DDL statement text for {@link Op#SCHEMA_CHANGE}, else null. */
    @Nullable
    public String ddl() {
        return ddl;
    }

    public static ChangeEvent read(
            TableId t,
            Map<String, Object> after,
            SourcePosition p,
            long tsMs,
            List<String> pk,
            List<ColumnDef> cols) {
        return new ChangeEvent(t, Op.READ, null, after, p, tsMs, pk, cols, null);
    }

    public static ChangeEvent insert(
            TableId t,
            Map<String, Object> after,
            SourcePosition p,
            long tsMs,
            List<String> pk,
            List<ColumnDef> cols) {
        return new ChangeEvent(t, Op.CREATE, null, after, p, tsMs, pk, cols, null);
    }

    public static ChangeEvent update(
            TableId t,
            Map<String, Object> before,
            Map<String, Object> after,
            SourcePosition p,
            long tsMs,
            List<String> pk,
            List<ColumnDef> cols) {
        return new ChangeEvent(t, Op.UPDATE, before, after, p, tsMs, pk, cols, null);
    }

    public static ChangeEvent delete(
            TableId t,
            Map<String, Object> before,
            SourcePosition p,
            long tsMs,
            List<String> pk,
            List<ColumnDef> cols) {
        return new ChangeEvent(t, Op.DELETE, before, null, p, tsMs, pk, cols, null);
    }

    public static ChangeEvent schemaChange(
            TableId t,
            String ddl,
            SourcePosition p,
            long tsMs,
            List<String> pk,
            List<ColumnDef> cols) {
        return new ChangeEvent(t, Op.SCHEMA_CHANGE, null, null, p, tsMs, pk, cols, ddl);
    }

    /**
     * True when {@link #before()} and {@link #after()} hold only the columns the source's partial
     * row image carried; a column missing from them was not received.
     */
    public boolean partialImage() {
        return partialImage;
    }

    /** This event with another after image (e.g. a partial one completed from an older image). */
    public ChangeEvent withAfter(Map<String, Object> newAfter, boolean partial) {
        return new ChangeEvent(
                table, op, before, newAfter, source, tsMs, primaryKey, columns, ddl, partial);
    }

    /** The columns of {@link #columns()} that {@code image} lacks, in source order. */
    public List<String> missingFrom(@Nullable Map<String, Object> image) {
        List<String> missing = new java.util.ArrayList<>();
        for (ColumnDef c : columns) {
            if (image == null || !image.containsKey(c.name())) {
                missing.add(c.name());
            }
        }
        return missing;
    }

    /** The image that identifies the row: {@code after} for upserts, {@code before} for deletes. */
    public Map<String, Object> keyImage() {
        return after != null ? after : before;
    }

    private static Map<String, Object> freeze(Map<String, Object> row) {
        return row == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(row));
    }

    private static void require(boolean ok, Op op, String what) {
        if (!ok) {
            throw new IllegalArgumentException(
                    "a change event with op " + op + " must carry " + what);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChangeEvent)) {
            return false;
        }
        ChangeEvent other = (ChangeEvent) o;
        return table.equals(other.table)
                && op == other.op
                && Objects.equals(before, other.before)
                && Objects.equals(after, other.after)
                && source.equals(other.source)
                && tsMs == other.tsMs
                && primaryKey.equals(other.primaryKey)
                && columns.equals(other.columns)
                && Objects.equals(ddl, other.ddl)
                && partialImage == other.partialImage;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                table, op, before, after, source, tsMs, primaryKey, columns, ddl, partialImage);
    }

    @Override
    public String toString() {
        return "ChangeEvent[table="
                + table
                + ", op="
                + op
                + ", before="
                + before
                + ", after="
                + after
                + ", source="
                + source
                + ", tsMs="
                + tsMs
                + ", primaryKey="
                + primaryKey
                + ", columns="
                + columns
                + ", ddl="
                + ddl
                + (partialImage ? ", partialImage" : "")
                + "]";
    }
}
