package io.github.binlog2redshift.config;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How one key of the reference implementation becomes one or more of our keys. */
public final class LegacyKeyMapping {

    private final String oldKey;
    private final List<String> newKeys;
    private final String note;
    private final boolean secret;
    private final Function<String, Map<String, String>> translation;

    public LegacyKeyMapping(
            String oldKey,
            List<String> newKeys,
            String note,
            boolean secret,
            Function<String, Map<String, String>> translation) {
        this.oldKey = Objects.requireNonNull(oldKey, "oldKey");
        this.newKeys = List.copyOf(newKeys);
        this.note = Objects.requireNonNull(note, "note");
        this.secret = secret;
        this.translation = Objects.requireNonNull(translation, "translation");
    }

    /** The reference key, e.g. {@code host}. */
    public String oldKey() {
        return oldKey;
    }

    /** The keys it may produce, for the docs, e.g. {@code source.hostname, source.port}. */
    public List<String> newKeys() {
        return newKeys;
    }

    /** What the translation does, for the docs. */
    public String note() {
        return note;
    }

    /** Whether the old value may hold a secret (never logged or shown in errors). */
    public boolean secret() {
        return secret;
    }

    /**
     * Old value -> new key/value pairs; throws {@link IllegalArgumentException} with a reason when
     * the old value is malformed.
     */
    public Function<String, Map<String, String>> translation() {
        return translation;
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
                Arrays.stream(targets)
                        .map(ConfigOption::key)
                        .collect(Collectors.toUnmodifiableList()),
                note,
                secret,
                translation);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LegacyKeyMapping)) {
            return false;
        }
        LegacyKeyMapping other = (LegacyKeyMapping) o;
        return oldKey.equals(other.oldKey)
                && newKeys.equals(other.newKeys)
                && note.equals(other.note)
                && secret == other.secret
                && translation.equals(other.translation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(oldKey, newKeys, note, secret, translation);
    }

    @Override
    public String toString() {
        return "LegacyKeyMapping[oldKey="
                + oldKey
                + ", newKeys="
                + newKeys
                + ", note="
                + note
                + ", secret="
                + secret
                + ", translation="
                + translation
                + "]";
    }
}
