package io.github.binlog2redshift.localstack.redshift;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message of the PostgreSQL v3 protocol: a type byte and its payload (without the length).
 * Holds the readers and builders the emulator needs; the format is PostgreSQL's "Message Formats"
 * chapter.
 */
record WireMessage(char type, byte[] payload) {

    static WireMessage read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed");
        }
        int length = in.readInt();
        byte[] payload = new byte[length - 4];
        in.readFully(payload);
        return new WireMessage((char) type, payload);
    }

    void write(OutputStream out) throws IOException {
        out.write(encode());
    }

    byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(5 + payload.length);
        b.put((byte) type).putInt(4 + payload.length).put(payload);
        return b.array();
    }

    /** The first NUL-terminated string of the payload (the query of 'Q', the tag of 'C'). */
    String firstString() {
        return new Cursor(payload).string();
    }

    /** The fields of an ErrorResponse or NoticeResponse, by field code. */
    Map<Character, String> fields() {
        Map<Character, String> out = new LinkedHashMap<>();
        Cursor c = new Cursor(payload);
        while (c.position < payload.length && payload[c.position] != 0) {
            char code = (char) payload[c.position++];
            out.put(code, c.string());
        }
        return out;
    }

    static WireMessage error(Map<Character, String> fields) {
        Builder b = new Builder();
        fields.forEach((code, value) -> b.byte1(code).string(value));
        return b.byte1(0).build('E');
    }

    static WireMessage error(String severity, String sqlState, String message, String detail) {
        Map<Character, String> f = new LinkedHashMap<>();
        f.put('S', severity);
        f.put('V', severity);
        f.put('C', sqlState);
        f.put('M', message);
        if (detail != null && !detail.isEmpty()) {
            f.put('D', detail);
        }
        return error(f);
    }

    static WireMessage query(String sql) {
        return new Builder().string(sql).build('Q');
    }

    static WireMessage parameterStatus(String name, String value) {
        return new Builder().string(name).string(value).build('S');
    }

    /** Reads the fields of a message in order. */
    static final class Cursor {
        private final byte[] bytes;
        int position;

        Cursor(byte[] bytes) {
            this.bytes = bytes;
        }

        String string() {
            int end = position;
            while (bytes[end] != 0) end++;
            String s = new String(bytes, position, end - position, StandardCharsets.UTF_8);
            position = end + 1;
            return s;
        }

        int int16() {
            int v = ((bytes[position] & 0xff) << 8) | (bytes[position + 1] & 0xff);
            position += 2;
            return v;
        }

        int int32() {
            int v = ByteBuffer.wrap(bytes, position, 4).getInt();
            position += 4;
            return v;
        }

        byte[] rest() {
            byte[] out = new byte[bytes.length - position];
            System.arraycopy(bytes, position, out, 0, out.length);
            return out;
        }
    }

    /** Builds a payload field by field. */
    static final class Builder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Builder byte1(int b) {
            out.write(b);
            return this;
        }

        Builder int16(int v) {
            out.write(v >>> 8);
            out.write(v);
            return this;
        }

        Builder int32(int v) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
            return this;
        }

        Builder string(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            out.write(0);
            return this;
        }

        Builder bytes(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        WireMessage build(char type) {
            return new WireMessage(type, out.toByteArray());
        }

        byte[] payload() {
            return out.toByteArray();
        }
    }
}
