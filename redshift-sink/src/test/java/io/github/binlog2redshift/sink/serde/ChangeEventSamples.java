package io.github.binlog2redshift.sink.serde;

import io.github.binlog2redshift.event.ChangeEvent;
import io.github.binlog2redshift.event.ColumnDef;
import io.github.binlog2redshift.event.SourcePosition;
import io.github.binlog2redshift.event.TableId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Change events covering every op and every value form the model allows, for the codec tests: what
 * a lossless binary layout must give back {@code equals} (which also compares value types and
 * BigDecimal scales).
 */
public final class ChangeEventSamples {

    private static final TableId TABLE = TableId.of("shop", "orders");
    private static final SourcePosition BINLOG =
            SourcePosition.binlog(7, "mysql-bin.000042", 1234, 3, "uuid:1-9", false, 1_700_000L);

    private ChangeEventSamples() {}

    /**
     * An update of key {@code id} at binlog position 900 of history {@code epoch}, without columns
     * or DDL, so that its layout ends in a known tail.
     */
    public static ChangeEvent keyedUpdate(int epoch) {
        return ChangeEvent.update(
                TABLE,
                Map.of("id", 1L, "v", "old"),
                Map.of("id", 1L, "v", "new"),
                SourcePosition.binlog(7, "mysql-bin.000001", 900, 0, null, false, 5L)
                        .withEpoch(epoch),
                6L,
                List.of("id"),
                List.of());
    }

    /**
     * {@link #keyedUpdate}(0) in {@link ChangeEventBinary}'s layout as it was before the epoch: the
     * current layout without the epoch's four bytes, which sit before the tail (tsMs, key column
     * list, empty column list, null DDL).
     */
    public static byte[] keyedUpdateWithoutEpoch() throws java.io.IOException {
        byte[] now = keyedUpdateWithoutPartialFlag(0);
        org.apache.flink.core.memory.DataOutputSerializer tail =
                new org.apache.flink.core.memory.DataOutputSerializer(64);
        tail.writeLong(6L);
        tail.writeInt(1);
        BinaryFields.writeString("id", tail);
        tail.writeInt(0);
        BinaryFields.writeString(null, tail);
        int epochAt = now.length - tail.length() - 4;
        byte[] old = new byte[now.length - 4];
        System.arraycopy(now, 0, old, 0, epochAt);
        System.arraycopy(now, epochAt + 4, old, epochAt, now.length - epochAt - 4);
        return old;
    }

    /**
     * {@link #keyedUpdate} in the layout before partial row images: the current one without its
     * last byte, the partial-image flag.
     */
    public static byte[] keyedUpdateWithoutPartialFlag(int epoch) throws java.io.IOException {
        org.apache.flink.core.memory.DataOutputSerializer out =
                new org.apache.flink.core.memory.DataOutputSerializer(128);
        ChangeEventBinary.write(keyedUpdate(epoch), out);
        byte[] now = out.getCopyOfBuffer();
        return java.util.Arrays.copyOf(now, now.length - 1);
    }

    /** More than the 64 KB that {@code writeUTF} takes, with non-ASCII and surrogate pairs. */
    public static String bigString() {
        return "naïve \"€\" 𝄞 line\n".repeat(5_000);
    }

    /** One column per Java type of the model, including the edge values of each. */
    public static Map<String, Object> everyValueType() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1L);
        row.put("null", null);
        row.put("text", "plain");
        row.put("empty", "");
        row.put("big_text", bigString());
        row.put("long_min", Long.MIN_VALUE);
        row.put("long_neg", -42L);
        row.put("int", Integer.valueOf(7));
        row.put("int_min", Integer.MIN_VALUE);
        row.put("unsigned_max", new BigInteger("18446744073709551615"));
        row.put("big_neg", new BigInteger("-99999999999999999999999999"));
        row.put("decimal", new BigDecimal("10.50"));
        row.put("decimal_neg", new BigDecimal("-0.001"));
        row.put("decimal_exp", new BigDecimal("1E+3"));
        row.put("decimal_zero_scale", new BigDecimal("12345678901234567890123"));
        row.put("double", 1.1d);
        row.put("double_neg_zero", -0.0d);
        row.put("double_nan", Double.NaN);
        row.put("double_inf", Double.NEGATIVE_INFINITY);
        row.put("float", 1.1f);
        row.put("float_neg", -3.5f);
        row.put("true", true);
        row.put("false", false);
        row.put("ünïcode column", "v");
        row.put("", "empty column name");
        return row;
    }

    public static List<ColumnDef> columns() {
        return List.of(
                ColumnDef.of("id", "BIGINT UNSIGNED", null, null, false),
                ColumnDef.of("decimal", "DECIMAL", 10, 2, true),
                ColumnDef.of("ts", "DATETIME", 3, null, true),
                new ColumnDef("kind", "ENUM", null, null, true, List.of("a", "b,c", "")),
                new ColumnDef("flags", "SET", null, null, false, List.of()));
    }

    /** Every op; images with every value type; positions of every shape. */
    public static List<ChangeEvent> all() {
        Map<String, Object> before = everyValueType();
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("text", "changed");
        after.put("null", "now set");
        return List.of(
                ChangeEvent.update(
                        TABLE,
                        before,
                        after,
                        BINLOG,
                        1_700_000_123L,
                        List.of("id", "int"),
                        columns()),
                ChangeEvent.insert(TABLE, after, BINLOG, 5L, List.of("id"), columns()),
                ChangeEvent.delete(TABLE, before, BINLOG, -1L, List.of("id"), List.of()),
                // A snapshot row as cdc-source emits it: empty file, position 0.
                ChangeEvent.read(
                        TABLE,
                        Map.of("id", 2L),
                        new SourcePosition(0, "", 0, 0, 0, null, true, 0),
                        0,
                        List.of("id"),
                        List.of()),
                // No binlog coordinates, a file sequence not derivable from the file name.
                ChangeEvent.update(
                        TableId.of("db.with.dots", "t"),
                        null,
                        Map.of("id", 3L),
                        new SourcePosition(-5, "dms", 17, Long.MAX_VALUE, 9, "g", false, -7),
                        42,
                        List.of(),
                        List.of()),
                ChangeEvent.schemaChange(
                        TABLE,
                        "ALTER TABLE orders ADD COLUMN kind ENUM('a','b,c','')",
                        BINLOG,
                        9L,
                        List.of("id"),
                        columns()),
                ChangeEvent.schemaChange(
                        TableId.of("shop", "dropped"),
                        bigString(),
                        new SourcePosition(0, null, 0, 0, 0, null, false, 0),
                        0,
                        List.of(),
                        List.of()));
    }

    /**
     * An update in the value forms that change-event JSON keeps exactly (what the codecs' older,
     * JSON-based versions wrote): Long, BigInteger, BigDecimal, Boolean, String, null.
     */
    public static ChangeEvent jsonLossless() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("id", new BigInteger("18446744073709551615"));
        before.put("amount", new BigDecimal("10.50"));
        before.put("qty", -3L);
        before.put("note", null);
        before.put("flag", true);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("note", bigString());
        return ChangeEvent.update(
                TABLE, before, after, BINLOG, 1_700_000_123L, List.of("id"), columns());
    }
}
