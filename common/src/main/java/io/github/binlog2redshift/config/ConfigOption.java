package io.github.binlog2redshift.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One typed configuration key: its name, value type, default, description and whether its value is
 * a secret that must never be printed.
 *
 * <p>A <em>prefix</em> option (see {@link #prefixMap}) stands for every key below it: {@code
 * kafka.properties} collects {@code kafka.properties.security.protocol=SASL_SSL} as the map entry
 * {@code security.protocol -> SASL_SSL}. This is how pass-through client properties are written.
 *
 * @param <T> the value type
 */
public final class ConfigOption<T> {

    private final String key;
    private final ValueType<T> type;
    private final T defaultValue;
    private final String defaultText;
    private final String description;
    private final boolean secret;
    private final boolean required;
    private final boolean prefix;

    private ConfigOption(Builder<T> b, boolean prefix) {
        this.key = b.key;
        this.type = b.type;
        this.defaultValue = b.defaultValue;
        this.defaultText = b.defaultText;
        this.description = Objects.requireNonNull(b.description, "description of " + b.key);
        this.secret = b.secret;
        this.required = b.required;
        this.prefix = prefix;
    }

    /** Starts an option of the given key and type. */
    public static <T> Builder<T> key(String key, ValueType<T> type) {
        return new Builder<>(key, type);
    }

    /** A pass-through map collected from every key {@code <key>.<name>}. */
    public static ConfigOption<Map<String, String>> prefixMap(
            String key, String description, boolean secret) {
        Builder<Map<String, String>> b =
                new Builder<>(key, ValueType.of("string (one key per property)", s -> Map.of()));
        b.description(description).defaultValue(Map.of(), "(empty)");
        b.secret = secret;
        return new ConfigOption<>(b, true);
    }

    public String key() {
        return key;
    }

    public ValueType<T> type() {
        return type;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The default as shown in docs and --help; "(none)" when there is none. */
    public String defaultText() {
        if (defaultText != null) {
            return defaultText;
        }
        return defaultValue == null ? "(none)" : type.format(defaultValue);
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return secret;
    }

    /**
     * Required regardless of other options; conditional requirements live in the config records.
     */
    public boolean isRequired() {
        return required;
    }

    public boolean isPrefix() {
        return prefix;
    }

    /** Whether {@code someKey} belongs to this option. */
    public boolean matches(String someKey) {
        return prefix ? someKey.startsWith(key + ".") : key.equals(someKey);
    }

    @Override
    public String toString() {
        return key;
    }

    /** Builder; see {@link ConfigOption#key}. */
    public static final class Builder<T> {
        private final String key;
        private final ValueType<T> type;
        private T defaultValue;
        private String defaultText;
        private String description;
        private boolean secret;
        private boolean required;

        private Builder(String key, ValueType<T> type) {
            if (!key.matches("[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*")) {
                throw new IllegalArgumentException(
                        "config key '" + key + "' breaks the lower-case dotted-dashed style");
            }
            this.key = key;
            this.type = Objects.requireNonNull(type);
        }

        public Builder<T> defaultValue(T value) {
            this.defaultValue = value;
            return this;
        }

        /** A default with custom doc text, e.g. when the real default depends on another key. */
        public Builder<T> defaultValue(T value, String text) {
            this.defaultValue = value;
            this.defaultText = text;
            return this;
        }

        /** No static default; the doc text says what happens instead. */
        public Builder<T> defaultText(String text) {
            this.defaultText = text;
            return this;
        }

        public Builder<T> description(String description) {
            this.description = description;
            return this;
        }

        public Builder<T> secret() {
            this.secret = true;
            return this;
        }

        public Builder<T> required() {
            this.required = true;
            return this;
        }

        public ConfigOption<T> build() {
            return new ConfigOption<>(this, false);
        }
    }
}
