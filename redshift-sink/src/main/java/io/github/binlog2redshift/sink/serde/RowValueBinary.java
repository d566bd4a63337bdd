package io.github.binlog2redshift.sink.serde;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * One row value of a {@link io.github.binlog2redshift.event.ChangeEvent} in {@link
 * ChangeEventBinary}'s layout: a type tag, then the value. One tag per Java type of the model, so
 * the value reads back as the same type ({@link Integer} stays {@link Integer}, which {@code
 * equals} tells from {@link Long}); a {@link BigDecimal} keeps its scale ({@code 10.50} is not
 * {@code 10.5}). Any other type is refused: there is no lossless form to fall back on.
 */
final class RowValueBinary {

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte INTEGER = 3;
    private static final byte BIG_INTEGER = 4;
    private static final byte BIG_DECIMAL = 5;
    private static final byte DOUBLE = 6;
    private static final byte FLOAT = 7;
    private static final byte BOOLEAN = 8;

    private RowValueBinary() {}

    static void write(String column, Object v, DataOutputView out) throws IOException {
        if (v == null) {
            out.writeByte(NULL);
        } else if (v instanceof String) {
            out.writeByte(STRING);
            BinaryFields.writeString((String) v, out);
        } else if (v instanceof Long) {
            out.writeByte(LONG);
            out.writeLong((Long) v);
        } else if (v instanceof Integer) {
            out.writeByte(INTEGER);
            out.writeInt((Integer) v);
        } else if (v instanceof BigInteger) {
            out.writeByte(BIG_INTEGER);
            BinaryFields.writeBytes(((BigInteger) v).toByteArray(), out);
        } else if (v instanceof BigDecimal) {
            // Unscaled value and scale, not the value: 10.50 must not come back as 10.5.
            BigDecimal d = (BigDecimal) v;
            out.writeByte(BIG_DECIMAL);
            BinaryFields.writeBytes(d.unscaledValue().toByteArray(), out);
            out.writeInt(d.scale());
        } else if (v instanceof Double) {
            out.writeByte(DOUBLE);
            out.writeLong(Double.doubleToRawLongBits((Double) v));
        } else if (v instanceof Float) {
            out.writeByte(FLOAT);
            out.writeInt(Float.floatToRawIntBits((Float) v));
        } else if (v instanceof Boolean) {
            out.writeByte(BOOLEAN);
            out.writeBoolean((Boolean) v);
        } else {
            throw new IOException(
                    "cannot encode a value of type "
                            + v.getClass().getName()
                            + " in column '"
                            + column
                            + "' of a change event; the model allows String, Long, Integer,"
                            + " BigInteger, BigDecimal, Double, Float, Boolean and null");
        }
    }

    static Object read(DataInputView in) throws IOException {
        int tag = in.readUnsignedByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return BinaryFields.readString(in);
            case LONG:
                return in.readLong();
            case INTEGER:
                return in.readInt();
            case BIG_INTEGER:
                return new BigInteger(nonEmptyBytes(in));
            case BIG_DECIMAL:
                return new BigDecimal(new BigInteger(nonEmptyBytes(in)), in.readInt());
            case DOUBLE:
                return Double.longBitsToDouble(in.readLong());
            case FLOAT:
                return Float.intBitsToFloat(in.readInt());
            case BOOLEAN:
                return in.readBoolean();
            default:
                throw new IOException("unknown value type tag " + tag + " in a change event");
        }
    }

    private static byte[] nonEmptyBytes(DataInputView in) throws IOException {
        byte[] b = BinaryFields.readBytes(in);
        if (b == null || b.length == 0) {
            throw new IOException("a big number in a change event has no bytes");
        }
        return b;
    }
}
