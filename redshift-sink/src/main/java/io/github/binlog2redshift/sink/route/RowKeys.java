package io.github.binlog2redshift.sink.route;

import io.github.binlog2redshift.event.PartitionKey;
import io.github.binlog2redshift.event.TableId;
import io.github.binlog2redshift.sink.TargetTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dedupe keys. A row is keyed by its target table and key values in key-column order ({@link
 * PartitionKey}'s escaped text, so distinct keys never share a text); the target table, not the
 * source one, because rules may merge several source tables into one target and then the rows must
 * meet. A schema change is keyed by its target table alone, in a space of its own.
 *
 * <p>A table with no key columns at all (none in the event, none in its rule) is written in one of
 * two ways ({@link io.github.binlog2redshift.config.sink.KeylessMode}). Mirrored, all its rows get
 * one key, {@link #keylessTable}, the one its schema changes get: the table's changes and DDL meet
 * on one dedupe subtask and so in one committable per checkpoint, applied in checkpoint order,
 * which the multiset merge needs (see {@code docs/tables.md}). As a change log, each row is keyed
 * by a hash of its whole image ({@link #row}), which only spreads the work: every change is kept.
 * The staged event keeps an empty primary key, which marks it for the apply side.
 */
public final class RowKeys {

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private RowKeys() {}

    /**
     * Throws {@link PartitionKey.MissingKeyValueException} when a key column is absent from the
     * image.
     */
    public static String row(
            TargetTable target, List<String> keyColumns, Map<String, Object> image) {
        TableId asId = TableId.of(target.schema(), target.name());
        if (keyColumns.isEmpty()) {
            return "r|" + PartitionKey.of(asId, List.of(), null) + "|#" + imageHash(image);
        }
        return "r|" + PartitionKey.of(asId, keyColumns, image);
    }

    /**
     * The one key of every row of a mirrored table without a key: its schema-change key, so rows
     * and DDL share a subtask (they are kept in separate state, see {@code LatestChangeOperator}).
     */
    public static String keylessTable(TargetTable target) {
        return schemaChange(target);
    }

    public static String schemaChange(TargetTable target) {
        return "d|" + PartitionKey.of(TableId.of(target.schema(), target.name()), List.of(), null);
    }

    static String imageHash(Map<String, Object> image) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(image)
                .forEach(
                        (column, value) ->
                                text.append(column)
                                        .append('\u0001')
                                        .append(value == null ? "\u0000" : value.toString())
                                        .append('\u0002'));
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return hex(digest, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * The first {@code length} bytes of {@code bytes} in lower-case hex, two digits a byte. Keys
     * live in the dedupe state, so this text must never change.
     */
    static String hex(byte[] bytes, int length) {
        char[] out = new char[2 * length];
        for (int i = 0; i < length; i++) {
            out[2 * i] = HEX_DIGITS[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX_DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
