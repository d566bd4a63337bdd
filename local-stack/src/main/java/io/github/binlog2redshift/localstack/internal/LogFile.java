package io.github.binlog2redshift.localstack.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A service's log file, read back to put its last lines into error messages and readiness checks.
 */
public final class LogFile {
    private final Path path;

    public LogFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** The last {@code lines} lines, or a note why there are none; never throws. */
    public String tail(int lines) {
        try {
            if (!Files.exists(path)) {
                return "(no log file)";
            }
            // Services may write non-UTF-8 bytes; decoding leniently keeps the message useful.
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            List<String> all = text.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read log: " + e + ")";
        }
    }

    /**
     * Whether the log contains {@code text}; used for servers that announce readiness only in their
     * log.
     */
    public boolean contains(String text) {
        try {
            return Files.exists(path)
                    && new String(Files.readAllBytes(path), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
