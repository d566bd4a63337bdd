package io.github.binlog2redshift.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one key of the reference implementation becomes one or more of our keys.
 *
 * @param oldKey the reference key, e.g. {@code host}
 * @param newKeys the keys it may produce, for the docs, e.g. {@code source.hostname, source.port}
 * @param note what the translation does, for the docs
 * @param secret whether the old value may hold a secret (never logged or shown in errors)
 * @param translation old value -> new key/value pairs; throws {@link IllegalArgumentException} with
 *     a reason when the old value is malformed
 */
public record LegacyKeyMapping(
        String oldKey,
        List<String> newKeys,
        String note,
        boolean secret,
        Function<String, Map<String, String>> translation) {

    public LegacyKeyMapping {
        Objects.requireNonNull(oldKey);
        newKeys = List.copyOf(newKeys);
        Objects.requireNonNull(note);
        Objects.requireNonNull(translation);
    }

    /** Same value, new name. */
    public static LegacyKeyMapping rename(String oldKey, ConfigOption<?> target) {
        return rename(oldKey, target, "renamed");
    }

    /** Same value, new name, with a note on what behaves differently now. */
    public static LegacyKeyMapping rename(String oldKey, ConfigOption<?> target, String note) {
        return new LegacyKeyMapping(
                oldKey,
                List.of(target.key()),
                note,
                target.isSecret(),
                value -> Map.of(target.key(), value));
    }

    /** A value translation into one or more keys. */
    public static LegacyKeyMapping translate(
            String oldKey,
            String note,
            Function<String, Map<String, String>> translation,
            ConfigOption<?>... targets) {
        boolean secret = false;
        for (ConfigOption<?> t : targets) {
            secret |= t.isSecret();
        }
        return new LegacyKeyMapping(
                oldKey,
                java.util.Arrays.stream(targets).map(ConfigOption::key).toList(),
                note,
                secret,
                translation);
    }
}
