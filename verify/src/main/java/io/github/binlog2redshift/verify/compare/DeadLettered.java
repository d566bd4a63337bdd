package io.github.binlog2redshift.verify.compare;

import io.github.binlog2redshift.event.TableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows a dead-letter output holds ({@code --dead-lettered FILE}): one Kafka record key a line,
 * {@code db.table.v1.v2...} as {@code PartitionKey} writes it ({@code \.} and {@code \\} escaped,
 * {@code \N} for NULL), which is the {@code key} of both cdc-source's and redshift-sink's letters.
 * Such a row, when missing in the target or changed, is listed apart and does not make its table
 * different; an extra target row or a row not listed here is never excused. A key matches when its
 * values equal verify's canonical text of the source key (integers and text do; a key whose event
 * text differs from it, e.g. a DATETIME, stays a difference: the safe side).
 */
public final class DeadLettered {

    public static final DeadLettered NONE = new DeadLettered(Map.of());

    private final Map<TableId, Set<List<String>>> keys;

    private DeadLettered(Map<TableId, Set<List<String>>> keys) {
        this.keys = keys;
    }

    /** Reads a file of keys; blank lines and lines starting with {@code #} are skipped. */
    public static DeadLettered read(Path file) {
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --dead-lettered " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--dead-lettered " + file + ": " + e.getMessage(), e);
        }
    }

    static DeadLettered parse(List<String> lines) {
        Map<TableId, Set<List<String>>> keys = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> parts = split(line);
            if (parts.size() < 2 || parts.get(0) == null || parts.get(1) == null) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": expected db.table.key..., got '" + line + "'");
            }
            keys.computeIfAbsent(new TableId(parts.get(0), parts.get(1)), t -> new HashSet<>())
                    .add(
                            Collections.unmodifiableList(
                                    new ArrayList<>(parts.subList(2, parts.size()))));
        }
        return new DeadLettered(keys);
    }

    /** The dead-lettered keys of {@code table} (canonical values in key order), maybe empty. */
    public Set<List<String>> keysOf(TableId table) {
        return keys.getOrDefault(table, Set.of());
    }

    /** Splits on unescaped dots and unescapes; {@code \N} alone is NULL. */
    private static List<String> split(String key) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean isNull = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\\' && i + 1 < key.length()) {
                char next = key.charAt(++i);
                if (next == 'N' && part.isEmpty()) {
                    isNull = true;
                } else {
                    part.append(next);
                }
            } else if (c == '.') {
                parts.add(isNull ? null : part.toString());
                part.setLength(0);
                isNull = false;
            } else {
                part.append(c);
            }
        }
        parts.add(isNull ? null : part.toString());
        return parts;
    }
}
