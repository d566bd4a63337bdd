package io.github.binlog2redshift.event;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The Kafka record key of a change: {@code db.table.v1.v2…}, so that every change of one row lands
 * in one partition, in order.
 *
 * <p>Each part (database, table, then the key values in primary-key column order) is escaped so the
 * text is unambiguous: {@code \} becomes {@code \\} and {@code .} becomes {@code \.}; SQL NULL is
 * written {@code \N}. A table without a primary key is keyed {@code db.table} alone: all its
 * changes go to one partition, which keeps their order (such rows have no identity to spread them
 * by).
 */
public final class PartitionKey {

    private PartitionKey() {}

    /**
     * The key text. Throws {@link MissingKeyValueException} when a key column is absent from the
     * row image (the caller routes such a change to the dead-letter output instead of crashing).
     */
    public static String of(TableId table, List<String> keyColumns, Map<String, Object> image) {
        StringBuilder key = new StringBuilder(64);
        appendEscaped(key, table.database());
        key.append('.');
        appendEscaped(key, table.table());
        for (String column : keyColumns) {
            if (image == null || !image.containsKey(column)) {
                throw new MissingKeyValueException(table, column);
            }
            Object value = image.get(column);
            key.append('.');
            if (value == null) {
                key.append("\\N");
            } else {
                appendEscaped(key, value.toString());
            }
        }
        return key.toString();
    }

    public static byte[] bytes(TableId table, List<String> keyColumns, Map<String, Object> image) {
        return of(table, keyColumns, image).getBytes(StandardCharsets.UTF_8);
    }

    private static void appendEscaped(StringBuilder out, String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '\\' || c == '.') {
                out.append('\\');
            }
            out.append(c);
        }
    }

    /** A key column has no value in the row image. */
    public static final class MissingKeyValueException extends IllegalArgumentException {
        public MissingKeyValueException(TableId table, String column) {
            super(
                    "key column '"
                            + column
                            + "' of table "
                            + table
                            + " has no value in the row image");
        }
    }
}
