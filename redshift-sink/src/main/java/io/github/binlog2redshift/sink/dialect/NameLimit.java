package io.github.binlog2redshift.sink.dialect;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Fits a name into a warehouse's identifier limit, the same way on every warehouse: a name of at
 * most {@code maxBytes} UTF-8 bytes is kept; a longer one is cut on a character boundary and ended
 * with {@code _} and the first 8 hex digits of the SHA-256 of the whole name. Deterministic (the
 * same name always gets the same result), and two long names that share a prefix stay apart, where
 * the warehouse's own handling would merge them (PostgreSQL truncates silently; Redshift refuses).
 */
public final class NameLimit {

    /** What a cut name ends with: {@code _} and 8 hex digits. */
    public static final int HASH_SUFFIX_BYTES = 9;

    private static final int HASH_HEX_DIGITS = 8;

    private NameLimit() {}

    /** {@code name} itself when it has at most {@code maxBytes} bytes, else its cut form. */
    public static String fit(String name, int maxBytes) {
        if (maxBytes <= HASH_SUFFIX_BYTES) {
            throw new IllegalArgumentException(
                    "an identifier limit must leave room for the hash, got " + maxBytes);
        }
        if (name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        return prefix(name, maxBytes - HASH_SUFFIX_BYTES) + "_" + hash(name);
    }

    /**
     * The longest prefix of {@code s} of at most {@code maxBytes} UTF-8 bytes, whole characters.
     */
    private static String prefix(String s, int maxBytes) {
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder();
        CharBuffer in = CharBuffer.wrap(s);
        enc.encode(in, ByteBuffer.allocate(maxBytes), true); // stops before a partial character
        return s.substring(0, in.position());
    }

    private static String hash(String s) {
        try {
            byte[] d =
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(HASH_HEX_DIGITS);
            for (int i = 0; i < HASH_HEX_DIGITS / 2; i++) {
                hex.append(Character.forDigit((d[i] >>> 4) & 0xf, 16))
                        .append(Character.forDigit(d[i] & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
