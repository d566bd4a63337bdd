package io.github.binlog2redshift.source.debezium;

import io.github.binlog2redshift.event.ColumnDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Decimal;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Schema;
import org.apache.flink.cdc.connectors.shaded.org.apache.kafka.connect.data.Struct;

/**
 * Turns one Debezium field value into its lossless form (docs/event-format.md). Chosen once per
 * column from the field's semantic schema name (io.debezium.time.*, Bits, geometry, Decimal) and
 * otherwise its Connect type.
 */
@FunctionalInterface
interface ValueConverter {

    Object convert(Object raw);

    static ValueConverter forColumn(Schema schema, ColumnDef def) {
        int fsp = def.length() == null ? 0 : def.length();
        String name = schema.name() == null ? "" : schema.name();
        if (name.equals(Decimal.LOGICAL_NAME)) {
            if (def.type().startsWith("BIGINT")) {
                // bigint.unsigned.handling.mode=precise: an integer, exact above 2^63.
                return v -> ((BigDecimal) v).toBigIntegerExact();
            }
            int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
            return v -> ((BigDecimal) v).setScale(scale).toPlainString();
        }
        switch (name) {
            case "io.debezium.data.VariableScaleDecimal":
                return v -> {
                    Struct s = (Struct) v;
                    BigInteger unscaled = new BigInteger(s.getBytes("value"));
                    return new BigDecimal(unscaled, s.getInt32("scale")).toPlainString();
                };
            case "io.debezium.time.Date":
                return v -> TemporalText.date(((Number) v).longValue());
            case "io.debezium.time.Time":
                return v -> TemporalText.time(((Number) v).longValue() * 1000, fsp);
            case "io.debezium.time.MicroTime":
                return v -> TemporalText.time(((Number) v).longValue(), fsp);
            case "io.debezium.time.NanoTime":
                return v -> TemporalText.time(((Number) v).longValue() / 1000, fsp);
            case "io.debezium.time.Timestamp":
                return v -> TemporalText.dateTime(((Number) v).longValue() * 1000, fsp);
            case "io.debezium.time.MicroTimestamp":
                return v -> TemporalText.dateTime(((Number) v).longValue(), fsp);
            case "io.debezium.time.NanoTimestamp":
                return v -> TemporalText.dateTime(((Number) v).longValue() / 1000, fsp);
            case "io.debezium.time.ZonedTimestamp":
                // The binlog holds MySQL's zero TIMESTAMP as epoch 0, which is below TIMESTAMP's
                // range (1970-01-01 00:00:01 UTC): the snapshot reads it as no value.
                String zero = def.nullable() ? null : TemporalText.zero(def);
                return v -> {
                    Instant instant = OffsetDateTime.parse((String) v).toInstant();
                    return instant.equals(Instant.EPOCH)
                            ? zero
                            : TemporalText.timestamp(instant, fsp);
                };
            case "io.debezium.data.Bits":
                int width = (fsp + 7) / 8;
                return v -> base64(bigEndian(bytes(v), width));
            case "io.debezium.data.geometry.Geometry":
            case "io.debezium.data.geometry.Point":
                return ValueConverter::geometry;
            default:
                break;
        }
        switch (schema.type()) {
            case INT8:
            case INT16:
            case INT32:
            case INT64:
                return v -> ((Number) v).longValue();
            case FLOAT32:
                // Float.toString is the shortest text that reads back as the same float: 1.1, not
                // 1.100000023841858.
                return v -> Double.valueOf(Float.toString((Float) v));
            case FLOAT64:
                return v -> v;
            case BOOLEAN:
                return def.type().equals("BIT") ? v -> v : v -> ((Boolean) v) ? 1L : 0L;
            case STRING:
                return v -> unicode((String) v, def);
            case BYTES:
                return v -> base64(bytes(v));
            default:
                return v -> {
                    throw new IllegalArgumentException(
                            "column "
                                    + def.name()
                                    + " of MySQL type "
                                    + def.type()
                                    + " has an unsupported Debezium schema "
                                    + schema.type()
                                    + " "
                                    + name);
                };
        }
    }

    /**
     * The text itself, or an {@link UnreadableValueException} for a lone UTF-16 surrogate, which is
     * no Unicode text: UTF-8 has no form for it (Java writes {@code ?}) and the sink's warehouses
     * refuse it. A utf32 column can hold one, and the binlog hands it over as it is.
     */
    static String unicode(String s, ColumnDef def) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new UnreadableValueException(
                    String.format(
                            "column %s holds a lone UTF-16 surrogate (U+%04X at character %d),"
                                    + " which is not Unicode text and has no UTF-8 form; the"
                                    + " change is not sent",
                            def.name(), (int) c, i));
        }
        return s;
    }

    /**
     * MySQL's internal spatial format: the SRID as 4 little-endian bytes, then the WKB (what {@code
     * SELECT HEX(g)} shows); Debezium splits the two.
     */
    private static Object geometry(Object v) {
        Struct s = (Struct) v;
        byte[] wkb = s.getBytes("wkb");
        Integer srid = s.getInt32("srid");
        int id = srid == null ? 0 : srid;
        ByteBuffer out = ByteBuffer.allocate(4 + wkb.length);
        out.put((byte) id).put((byte) (id >>> 8)).put((byte) (id >>> 16)).put((byte) (id >>> 24));
        return base64(out.put(wkb).array());
    }

    private static byte[] bytes(Object v) {
        if (v instanceof byte[]) {
            return (byte[]) v;
        }
        ByteBuffer buffer = ((ByteBuffer) v).duplicate();
        byte[] b = new byte[buffer.remaining()];
        buffer.get(b);
        return b;
    }

    /**
     * Debezium's BIT bytes are little-endian and may omit high zero bytes; MySQL stores BIT(n)
     * big-endian in (n + 7) / 8 bytes.
     */
    private static byte[] bigEndian(byte[] littleEndian, int width) {
        byte[] out = new byte[Math.max(width, littleEndian.length)];
        for (int i = 0; i < littleEndian.length; i++) {
            out[out.length - 1 - i] = littleEndian[i];
        }
        return out;
    }

    private static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
