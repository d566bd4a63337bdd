package io.github.binlog2redshift.config;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Raw configuration entries ({@code key -> text + origin}) and typed access to them through {@link
 * ConfigOption}s. Parsing happens on access so that an error can name the key, the origin and the
 * expected form. Immutable.
 */
public final class Settings {

    private static final Settings EMPTY = new Settings(Map.of());

    private final Map<String, RawValue> values;

    private Settings(Map<String, RawValue> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static Settings empty() {
        return EMPTY;
    }

    /** All entries of {@code map}, from one origin. */
    public static Settings of(Map<String, String> map, Origin origin) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        new TreeMap<>(map).forEach((k, v) -> values.put(k, new RawValue(k, v, origin)));
        return new Settings(values);
    }

    public static Settings ofValues(Collection<RawValue> raws) {
        Map<String, RawValue> values = new LinkedHashMap<>();
        raws.forEach(r -> values.put(r.key(), r));
        return new Settings(values);
    }

    /** This layer with every entry of {@code higher} replacing ours. */
    public Settings overriddenBy(Settings higher) {
        Map<String, RawValue> merged = new LinkedHashMap<>(values);
        merged.putAll(higher.values);
        return new Settings(merged);
    }

    public Map<String, RawValue> entries() {
        return values;
    }

    public Optional<RawValue> raw(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Whether the user set the option (a default does not count). */
    public boolean isSet(ConfigOption<?> option) {
        return option.isPrefix()
                ? values.keySet().stream().anyMatch(option::matches)
                : values.containsKey(option.key());
    }

    /** The user's value, else the default, else empty. */
    public <T> Optional<T> getOptional(ConfigOption<T> option) {
        if (option.isPrefix()) {
            throw new IllegalArgumentException(option.key() + " is a prefix option; use getMap");
        }
        RawValue raw = values.get(option.key());
        if (raw == null) {
            if (option.isRequired() && option.defaultValue().isEmpty()) {
                throw ConfigException.missing(option, null);
            }
            return option.defaultValue();
        }
        return Optional.of(parse(option, raw));
    }

    /** The user's value or the default; a {@link ConfigException} when there is neither. */
    public <T> T get(ConfigOption<T> option) {
        return getOptional(option).orElseThrow(() -> ConfigException.missing(option, null));
    }

    /** Like {@link #get}, with a reason in the error, e.g. "because X is EXACTLY_ONCE". */
    public <T> T require(ConfigOption<T> option, String why) {
        return getOptional(option).orElseThrow(() -> ConfigException.missing(option, why));
    }

    /** The entries below a prefix option, with the prefix stripped. */
    public Map<String, String> getMap(ConfigOption<Map<String, String>> option) {
        String prefix = option.key() + ".";
        Map<String, String> map = new TreeMap<>();
        values.forEach(
                (k, v) -> {
                    if (k.startsWith(prefix)) {
                        map.put(k.substring(prefix.length()), v.value());
                    }
                });
        return Collections.unmodifiableMap(map);
    }

    /** Parses with the option's type, turning any failure into a {@link ConfigException}. */
    public static <T> T parse(ConfigOption<T> option, RawValue raw) {
        try {
            return option.type().parse(raw.value());
        } catch (NumberFormatException e) {
            // Its message only repeats the input, which the error already shows (masked if secret).
            throw ConfigException.invalidValue(
                    raw, option.isSecret(), option.type().describe(), null);
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalidValue(
                    raw, option.isSecret(), option.type().describe(), e.getMessage());
        }
    }

    /** Keys and origins only: values may be secrets and a Settings does not know which. */
    @Override
    public String toString() {
        return values.values().toString();
    }
}
