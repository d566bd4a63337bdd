package io.github.binlog2redshift.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Test fixture files under {@code src/test/resources/formats}. */
public final class Fixtures {

    private Fixtures() {}

    public static byte[] bytes(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/formats/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture formats/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
