package io.github.binlog2redshift.verify.canon;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * A 64-bit hash of a row's canonical values. Each value is length-prefixed and NULL has its own
 * marker, so {@code ("ab", "c")}, {@code ("a", "bc")}, {@code ("", ...)} and {@code (NULL, ...)}
 * all differ. SHA-256 rather than a fast non-cryptographic hash: chunk digests are sums of row
 * hashes, and a weak hash would let two different chunks sum to the same value more easily.
 */
public final class RowHasher {

    private final MessageDigest digest;

    public RowHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** Not thread-safe: one hasher per scanning thread. */
    public long hash(List<String> canonicalValues) {
        digest.reset();
        for (String v : canonicalValues) {
            if (v == null) {
                digest.update((byte) 'N');
            } else {
                byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
                digest.update((byte) 'S');
                digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
                digest.update(bytes);
            }
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }
}
