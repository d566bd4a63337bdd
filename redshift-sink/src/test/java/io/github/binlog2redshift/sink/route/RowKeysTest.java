package io.github.binlog2redshift.sink.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keyless rows are keyed by a hash whose text lives in the dedupe state: it must never change. */
class RowKeysTest {

    @Test
    void hexIsLowerCaseTwoDigitsPerByteAndStopsAtTheLength() {
        byte[] bytes = {0, 1, 15, 16, 0x7f, (byte) 0x80, (byte) 0xab, (byte) 0xff};
        assertThat(RowKeys.hex(bytes, bytes.length)).isEqualTo("00010f107f80abff");
        assertThat(RowKeys.hex(bytes, 3)).isEqualTo("00010f");
        assertThat(RowKeys.hex(bytes, 0)).isEmpty();
    }

    @Test
    void hexMatchesTheJdkFormatter() {
        Random random = new Random(7);
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            assertThat(RowKeys.hex(bytes, 16)).isEqualTo(HexFormat.of().formatHex(bytes, 0, 16));
        }
    }

    @Test
    void imageHashIsPinned() {
        Map<String, Object> image = new HashMap<>();
        image.put("id", 42L);
        image.put("name", "Ünï");
        image.put("gone", null);
        // SHA-256 of the sorted "column\1value\2" text (null: \0), first 16 bytes; pinned.
        assertThat(RowKeys.imageHash(image)).isEqualTo("a10582f16fdbf8b00f5059bcc13cff71");
    }
}
