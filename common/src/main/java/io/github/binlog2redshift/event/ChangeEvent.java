package io.github.binlog2redshift.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 * @param before the row before the change; null for inserts and snapshot reads
 * @param after the row after the change; null for deletes
 * @param primaryKey the columns identifying a row (empty when the table has none)
 * @param columns the table's columns in source order after this change; empty when unknown
 * @param ddl the DDL statement text for {@link Op#SCHEMA_CHANGE}, else null
 * @param tsMs when the connector processed the change (not an ordering key)
 */
public record ChangeEvent(
        TableId table,
        Op op,
        Map<String, Object> before,
        Map<String, Object> after,
        SourcePosition source,
        long tsMs,
        List<String> primaryKey,
        List<ColumnDef> columns,
        String ddl) {

    public ChangeEvent {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(source, "source");
        before = freeze(before);
        after = freeze(after);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
        columns = columns == null ? List.of() : List.copyOf(columns);
        switch (op) {
            case READ, CREATE ->
                    require(after != null && before == null, op, "an after image only");
            case UPDATE -> require(after != null, op, "an after image");
            case DELETE -> require(before != null && after == null, op, "a before image only");
            case SCHEMA_CHANGE ->
                    require(ddl != null && before == null && after == null, op, "DDL text only");
        }
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
}
