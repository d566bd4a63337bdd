package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.config.source.TablePkOverride;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.TableId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.annotation.Nullable;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Field;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;

/**
 * One version of a captured table's row schema: its columns with their converters, the key columns,
 * and the configured string truncation. Built once per Debezium schema (the schema object changes
 * after a DDL), not per row.
 */
final class TableShape {

    private final TableId table;
    private final List<SourceColumn> columns;
    private final List<ColumnDef> columnDefs;
    private final List<String> keyColumns;
    private final Map<String, Integer> maxLength;

    private TableShape(
            TableId table,
            List<SourceColumn> columns,
            List<String> keyColumns,
            Map<String, Integer> maxLength) {
        this.table = table;
        this.columns = columns;
        this.columnDefs =
                columns.stream().map(SourceColumn::def).collect(Collectors.toUnmodifiableList());
        this.keyColumns = keyColumns;
        this.maxLength = maxLength;
    }

    /**
     * @param rowSchema the schema of the envelope's {@code before}/{@code after} struct
     * @param keySchema the record key schema (the table's primary key), null without one
     * @param override the first matching {@code source.table-pk-overrides} entry, if any
     */
    static TableShape of(
            TableId table,
            Schema rowSchema,
            @Nullable Schema keySchema,
            Optional<TablePkOverride> override) {
        List<SourceColumn> columns = new ArrayList<>();
        for (Field f : rowSchema.fields()) {
            columns.add(SourceColumn.of(f));
        }
        List<String> key = new ArrayList<>();
        if (override.isPresent() && !override.get().primaryKey().isEmpty()) {
            key.addAll(override.get().primaryKey());
        } else if (keySchema != null) {
            keySchema.fields().forEach(f -> key.add(f.name()));
        }
        Map<String, Integer> maxLength =
                override.map(TablePkOverride::columnMaxLength).orElse(Map.of());
        return new TableShape(table, List.copyOf(columns), List.copyOf(key), maxLength);
    }

    TableId table() {
        return table;
    }

    List<ColumnDef> columns() {
        return columnDefs;
    }

    List<String> columnNames() {
        return columnDefs.stream().map(ColumnDef::name).collect(Collectors.toList());
    }

    List<String> keyColumns() {
        return keyColumns;
    }

    /** The row image in source column order, values converted; null for a null struct. */
    @Nullable
    Map<String, Object> row(@Nullable Struct struct) {
        if (struct == null) {
            return null;
        }
        Map<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
        for (SourceColumn c : columns) {
            // Not get(): Connect's Struct answers a null with the field's default (the column's
            // DEFAULT), which would turn a NULL, or a zero date, into a value the row never had.
            Object value = c.convert(struct.getWithoutDefault(c.name()));
            if (c.isZeroDate(value) && keyColumns.contains(c.name())) {
                throw zeroDateKey(c, value);
            }
            Integer max = maxLength.get(c.name());
            if (max != null && value instanceof String) {
                // Explicitly configured by the user (table_pk column_max_length), never implicit.
                value = truncated((String) value, max);
            }
            row.put(c.name(), value);
        }
        return row;
    }

    /**
     * MySQL's zero date in a key column: the value Debezium gives it (the epoch, or the column's
     * default) would collide with the row that really has it, and the zero date itself cannot be
     * told from a date with a zero month or day; so the change is a dead letter, not a guess.
     */
    private UnreadableValueException zeroDateKey(SourceColumn c, Object value) {
        return new UnreadableValueException(
                "key column "
                        + c.name()
                        + " of "
                        + table
                        + " holds MySQL's zero date "
                        + value
                        + " (or a date with a zero month or day, which reads the same): as a key"
                        + " it could merge distinct rows, so the change is not sent");
    }

    /** The first {@code max} code points of {@code s}. */
    private static String truncated(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(
                0, s.offsetByCodePoints(0, Math.min(max, s.codePointCount(0, s.length()))));
    }
}
